using System;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A Traefik route sends traffic to a <c>Service</c> (or <c>TraefikService</c>) the input does not define. Judged only
/// where the input holds that namespace's objects of that kind (at least one in it), and never for Traefik's own
/// services (<c>api@internal</c>, <c>noop@internal</c>) or other providers' (<c>@file</c>), or when the namespace is
/// left to whoever applies the manifests.
/// </summary>
internal sealed class TraefikServiceReferenceCheck : CrossResourceCheck
{
    public TraefikServiceReferenceCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var route in index.All<TraefikRouteFact>())
        {
            foreach (var reference in route.Services)
            {
                if (!reference.IsKubernetesCrd)
                {
                    continue;
                }

                var ns = reference.Namespace ?? route.Origin.Namespace;
                if (ns is null)
                {
                    continue;
                }

                var candidates = reference.Kind == "TraefikService"
                    ? index.InNamespace<TraefikServiceFact>(ns).Select(s => s.Origin).ToList()
                    : index.InNamespace<ServiceFact>(ns).Select(s => s.Origin).ToList();
                if (candidates.Count > 0 && !candidates.Any(o => o.Name == reference.Name))
                {
                    sink.Report(
                        route,
                        reference.At,
                        CrossResourceSink.Argument("service", reference.Name),
                        CrossResourceSink.Argument("serviceKind", reference.Kind),
                        CrossResourceSink.Argument("serviceNamespace", ns ?? "default"));
                }
            }
        }
    }
}
