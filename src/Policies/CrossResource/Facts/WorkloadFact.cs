using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>
/// A pod-bearing resource (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod…): its pod labels, replicas,
/// containers and volumes, as far as cross-resource rules compare them.
/// </summary>
internal sealed class WorkloadFact : ResourceFact
{
    public WorkloadFact(FactOrigin origin, IReadOnlyDictionary<string, string> podLabels, int? replicas, FactLocation replicasAt, string podSpecPath, IReadOnlyList<ContainerFact> containers, IReadOnlyList<VolumeFact> volumes)
        : base(origin)
    {
        PodLabels = podLabels;
        Replicas = replicas;
        ReplicasAt = replicasAt;
        PodSpecPath = podSpecPath;
        Containers = containers;
        Volumes = volumes;
    }

    public string Kind => Origin.Identity.Kind;

    /// <summary>The pod template's labels (a Pod's own labels), which Services select.</summary>
    public IReadOnlyDictionary<string, string> PodLabels { get; }

    /// <summary><c>spec.replicas</c> when written as a number; null when absent (1 by default, or an autoscaler's).</summary>
    public int? Replicas { get; }

    /// <summary>The <c>replicas</c> value, else the <c>spec</c> it would go in.</summary>
    public FactLocation ReplicasAt { get; }

    public string PodSpecPath { get; }

    /// <summary>Every container of every list (<c>initContainers</c>, <c>containers</c>, <c>ephemeralContainers</c>).</summary>
    public IReadOnlyList<ContainerFact> Containers { get; }

    public IReadOnlyList<VolumeFact> Volumes { get; }

    /// <summary>Whether the pods carry every label of <paramref name="selector"/> (an empty selector selects nothing here).</summary>
    public bool IsSelectedBy(IReadOnlyDictionary<string, string>? selector)
    {
        if (selector is null || selector.Count == 0)
        {
            return false;
        }

        foreach (var pair in selector)
        {
            if (!PodLabels.TryGetValue(pair.Key, out var value) || value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    public VolumeFact? Volume(string name)
    {
        foreach (var volume in Volumes)
        {
            if (volume.Name == name)
            {
                return volume;
            }
        }

        return null;
    }
}

/// <summary>A pod volume by name and its source: the ConfigMap, Secret or claim it names, or another source key.</summary>
internal sealed record VolumeFact(string Name, string SourceKind, string? ConfigMapName, string? SecretName, string? ClaimName, FactLocation At)
{
    /// <summary>The <c>persistentVolumeClaim.claimName</c> value, when the volume is a claim.</summary>
    public FactLocation? ClaimNameAt { get; init; }
}
