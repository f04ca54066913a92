using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>A workload running a Redis server: the labels its pods carry, its Redis container and where that is written.</summary>
internal sealed class RedisWorkloadFact : ResourceFact
{
    public RedisWorkloadFact(FactOrigin origin, IReadOnlyDictionary<string, string> podLabels, FactLocation containerAt, string containerName, bool isBitnami)
        : base(origin)
    {
        PodLabels = podLabels;
        ContainerAt = containerAt;
        ContainerName = containerName;
        IsBitnami = isBitnami;
    }

    /// <summary>The Redis container's name, to find it among the workload's containers (<see cref="Facts.WorkloadFact"/>).</summary>
    public string ContainerName { get; }

    /// <summary>A Bitnami image: persistence from <c>REDIS_AOF_ENABLED</c>/<c>REDIS_RDB_POLICY_DISABLED</c>, data in <c>/bitnami/redis/data</c>.</summary>
    public bool IsBitnami { get; }

    public IReadOnlyDictionary<string, string> PodLabels { get; }

    public FactLocation ContainerAt { get; }
}
