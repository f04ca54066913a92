using PolicyKit.Policies.Checks.Platform;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>Records every workload that runs a Redis server (<see cref="RedisContainer"/>), with its pod labels.</summary>
internal sealed class RedisWorkloadCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind is "Deployment" or "StatefulSet" or "Pod" or "ReplicaSet" or "DaemonSet";

    public override void Collect(Resource resource, FactSink sink)
    {
        foreach (var redis in RedisContainer.In(resource))
        {
            var container = redis.Container;
            var labels = resource.Identity.Kind == "Pod"
                ? YamlFacts.StringMap(resource.Root.GetMapping("metadata")?.GetMapping("labels"))
                : YamlFacts.StringMap(resource.Root.GetMapping("spec")?.GetMapping("template")?.GetMapping("metadata")?.GetMapping("labels"));
            sink.Add(new RedisWorkloadFact(sink.Origin, labels, FactLocation.At(container.Anchor, container.Path + ".name"), container.Name, redis.IsBitnami));
            return;
        }
    }
}
