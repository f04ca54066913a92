using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A NetworkPolicy of a tenant namespace that admits more than the ingress controller and the tenant's own services:
/// an ingress rule without <c>from</c>, pods of every namespace, the whole internet, or another tenant's namespace
/// (named by its <c>kubernetes.io/metadata.name</c> label). Sources in named non-tenant namespaces (the ingress
/// controller's, monitoring's, a shared database's) and the tenant's own pods are what isolation allows.
/// </summary>
internal sealed class TenantNetworkSourcesCheck : CrossResourceCheck
{
    public TenantNetworkSourcesCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var tenants = new TenantNamespaces(index);
        foreach (var policy in index.All<NetworkPolicyFact>())
        {
            var ns = policy.Origin.Namespace;
            if (!tenants.Contains(ns))
            {
                continue;
            }

            foreach (var source in policy.IngressSources)
            {
                var reason = source.Scope switch
                {
                    "anyone" => "an ingress rule without from admits every source",
                    "all-namespaces" => "an empty namespaceSelector admits pods of every namespace, other tenants' included",
                    "ip-block" when source.IsWholeInternet => $"ipBlock {source.Cidr} admits every address",
                    "namespace" when source.Namespace != ns && tenants.Contains(source.Namespace) => $"it admits tenant namespace \"{source.Namespace}\"",
                    _ => null,
                };
                if (reason is not null)
                {
                    sink.Report(policy, source.At, CrossResourceSink.Argument("reason", reason), CrossResourceSink.Argument("tenantNamespace", ns!));
                }
            }
        }
    }
}
