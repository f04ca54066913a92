using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A tenant namespace (<see cref="TenantNamespaces"/>) without an object of kind <c>guard</c> — <c>ResourceQuota</c>
/// (caps what the tenant may consume in total) or <c>LimitRange</c> (gives every container defaults and bounds).
/// </summary>
internal sealed class TenantNamespaceGuardCheck : CrossResourceCheck
{
    private readonly string guard;

    public TenantNamespaceGuardCheck(CheckParameters parameters)
    {
        guard = parameters.GetChoice("guard", new[] { "ResourceQuota", "LimitRange" }, "ResourceQuota");
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var tenants = new TenantNamespaces(index);
        foreach (var ns in tenants.Names)
        {
            if (!index.InNamespace<NamespaceGuardFact>(ns).Any(g => g.Kind == guard))
            {
                tenants.Report(sink, ns, CrossResourceSink.Argument("guard", guard));
            }
        }
    }
}
