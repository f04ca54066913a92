using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>A workload running a Redis server: the labels its pods carry and where its Redis container is written.</summary>
internal sealed class RedisWorkloadFact : ResourceFact
{
    public RedisWorkloadFact(FactOrigin origin, IReadOnlyDictionary<string, string> podLabels, FactLocation containerAt)
        : base(origin)
    {
        PodLabels = podLabels;
        ContainerAt = containerAt;
    }

    public IReadOnlyDictionary<string, string> PodLabels { get; }

    public FactLocation ContainerAt { get; }
}
