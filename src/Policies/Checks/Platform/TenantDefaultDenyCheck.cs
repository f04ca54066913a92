using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A tenant namespace (<see cref="TenantNamespaces"/>) without a default-deny ingress NetworkPolicy: one whose empty
/// <c>podSelector</c> selects every pod and whose policy types include <c>Ingress</c>, so that only what later policies
/// allow reaches the tenant's pods.
/// </summary>
internal sealed class TenantDefaultDenyCheck : CrossResourceCheck
{
    public TenantDefaultDenyCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var tenants = new TenantNamespaces(index);
        foreach (var ns in tenants.Names)
        {
            if (!index.InNamespace<NetworkPolicyFact>(ns).Any(p => p.SelectsAllPods && p.RestrictsIngress))
            {
                tenants.Report(sink, ns);
            }
        }
    }
}
