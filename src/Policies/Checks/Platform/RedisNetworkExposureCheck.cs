using System;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// Redis reachable from outside its namespace. Where a NetworkPolicy of its namespace selects the Redis pods and
/// restricts ingress, each source it admits from anywhere (a rule without <c>from</c>, every namespace, the whole
/// internet) is reported at that source. Where none does, the Redis container is reported — but only when the input
/// holds the namespace's NetworkPolicies (at least one in it), since policies are often kept elsewhere.
/// NodePort and LoadBalancer Services are the core pack's (PK1014).
/// </summary>
internal sealed class RedisNetworkExposureCheck : CrossResourceCheck
{
    public RedisNetworkExposureCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var redis in index.All<RedisWorkloadFact>())
        {
            var inNamespace = index.InNamespace<NetworkPolicyFact>(redis.Origin.Namespace);
            if (inNamespace.Count == 0)
            {
                continue;
            }

            var guarding = inNamespace.Where(p => p.RestrictsIngress && p.Selects(redis.PodLabels)).ToList();
            if (guarding.Count == 0)
            {
                sink.Report(redis, redis.ContainerAt, CrossResourceSink.Argument("reason", "no NetworkPolicy of its namespace restricts ingress to its pods"));
                continue;
            }

            foreach (var policy in guarding)
            {
                foreach (var source in policy.IngressSources)
                {
                    var reason = source.Scope switch
                    {
                        "anyone" => $"NetworkPolicy \"{policy.Origin.Name}\" has an ingress rule without from, admitting every source",
                        "all-namespaces" => $"NetworkPolicy \"{policy.Origin.Name}\" admits pods of every namespace",
                        "ip-block" when source.IsWholeInternet => $"NetworkPolicy \"{policy.Origin.Name}\" admits {source.Cidr}",
                        _ => null,
                    };
                    if (reason is not null)
                    {
                        sink.Report(policy, source.At, CrossResourceSink.Argument("reason", reason));
                    }
                }
            }
        }
    }
}
