using System;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A Traefik route applies a middleware the input does not define. Judged only where the input holds that namespace's
/// middlewares (at least one <c>Middleware</c> in it): a route may well use middlewares defined elsewhere — another
/// repository, Traefik's file provider (<c>@file</c>), its internals — and those are never reported. Neither are
/// references whose namespace the manifests leave to whoever applies them: a folder of independent examples would
/// otherwise look like one namespace.
/// </summary>
internal sealed class TraefikMiddlewareReferenceCheck : CrossResourceCheck
{
    public TraefikMiddlewareReferenceCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var middlewares = index.All<TraefikMiddlewareFact>().ToList();
        foreach (var route in index.All<TraefikRouteFact>())
        {
            foreach (var reference in route.Middlewares)
            {
                if (!reference.IsKubernetesCrd)
                {
                    continue;
                }

                if (reference.Namespaced)
                {
                    var ns = reference.Namespace ?? route.Origin.Namespace;
                    if (ns is null)
                    {
                        continue;
                    }

                    var inNamespace = index.InNamespace<TraefikMiddlewareFact>(ns);
                    if (inNamespace.Count > 0 && !inNamespace.Any(m => m.Origin.Name == reference.Name))
                    {
                        Report(sink, route, reference, ns);
                    }

                    continue;
                }

                // An Ingress names a CRD middleware as <namespace>-<name>; the split is only known from the middlewares.
                var known = middlewares.Where(m => m.Origin.Namespace is { } ns && reference.Name.StartsWith(ns + "-", StringComparison.Ordinal)).ToList();
                if (known.Count > 0 && !known.Any(m => m.Origin.Namespace + "-" + m.Origin.Name == reference.Name))
                {
                    Report(sink, route, reference, known[0].Origin.Namespace);
                }
            }
        }
    }

    private static void Report(CrossResourceSink sink, TraefikRouteFact route, TraefikReference reference, string? ns) =>
        sink.Report(
            route,
            reference.At,
            CrossResourceSink.Argument("middleware", reference.Name),
            CrossResourceSink.Argument("middlewareNamespace", ns ?? "default"));
}
