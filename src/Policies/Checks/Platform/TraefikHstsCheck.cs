using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A Traefik route served over TLS whose middlewares set no HSTS header (a <c>headers</c> middleware with
/// <c>stsSeconds</c> above 0, directly or through a <c>chain</c>). Judged only when every middleware the route applies is
/// defined in the input, or, for a route with no middleware at all, when its namespace defines an HSTS middleware the
/// route leaves out: HSTS set on the entry point in Traefik's static configuration or by a middleware from another
/// provider is out of sight and never reported.
/// </summary>
internal sealed class TraefikHstsCheck : CrossResourceCheck
{
    public TraefikHstsCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var route in index.All<TraefikRouteFact>())
        {
            if (!route.ServesTls)
            {
                continue;
            }

            string? missing = null;
            if (route.Middlewares.Count == 0)
            {
                var hstsHere = index.InNamespace<TraefikMiddlewareFact>(route.Origin.Namespace).FirstOrDefault(m => m.SetsHsts);
                missing = hstsHere is null ? null : $"it applies no middleware, though \"{hstsHere.Origin.Name}\" in its namespace sets HSTS";
            }
            else
            {
                var resolved = new List<TraefikMiddlewareFact>();
                foreach (var reference in route.Middlewares)
                {
                    if (Resolve(index, route, reference) is not { } middleware)
                    {
                        resolved = null;
                        break;
                    }

                    resolved.Add(middleware);
                }

                if (resolved is not null && !resolved.Any(m => SetsHsts(index, m, 0)))
                {
                    missing = "none of its middlewares (" + string.Join(", ", route.Middlewares.Select(m => m.Name)) + ") sets stsSeconds";
                }
            }

            if (missing is not null)
            {
                sink.Report(route, route.MiddlewaresAt, CrossResourceSink.Argument("reason", missing));
            }
        }
    }

    private static TraefikMiddlewareFact? Resolve(CrossResourceIndex index, TraefikRouteFact route, TraefikReference reference)
    {
        if (!reference.IsKubernetesCrd)
        {
            return null;
        }

        if (!reference.Namespaced)
        {
            return index.All<TraefikMiddlewareFact>().FirstOrDefault(m => m.Origin.Namespace + "-" + m.Origin.Name == reference.Name);
        }

        var ns = reference.Namespace ?? route.Origin.Namespace;
        return index.InNamespace<TraefikMiddlewareFact>(ns).FirstOrDefault(m => m.Origin.Name == reference.Name);
    }

    private static bool SetsHsts(CrossResourceIndex index, TraefikMiddlewareFact middleware, int depth)
    {
        if (middleware.SetsHsts)
        {
            return true;
        }

        if (depth > 8)
        {
            return false;
        }

        foreach (var name in middleware.Chained)
        {
            var (member, provider) = name.LastIndexOf('@') is var at and >= 0 ? (name.Substring(0, at), name.Substring(at + 1)) : (name, "kubernetescrd");
            if (provider != "kubernetescrd")
            {
                // A chained middleware from another provider may set HSTS out of sight.
                return true;
            }

            var found = index.InNamespace<TraefikMiddlewareFact>(middleware.Origin.Namespace).FirstOrDefault(m => m.Origin.Name == member);
            if (found is null || SetsHsts(index, found, depth + 1))
            {
                return true;
            }
        }

        return false;
    }
}
