using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// A workload that runs Odoo (an Odoo image in its containers), as availability and tenancy rules see it: whether it
/// serves web requests (<see cref="Checks.Platform.OdooWebWorkload"/>), its pod labels, replicas, the instance it belongs
/// to, and where its namespace and replicas are written.
/// </summary>
internal sealed class OdooWorkloadFact : ResourceFact
{
    public OdooWorkloadFact(FactOrigin origin, bool isWeb, IReadOnlyDictionary<string, string> podLabels, int? replicas, FactLocation replicasAt, FactLocation namespaceAt, string instance)
        : base(origin)
    {
        IsWeb = isWeb;
        PodLabels = podLabels;
        Replicas = replicas;
        ReplicasAt = replicasAt;
        NamespaceAt = namespaceAt;
        Instance = instance;
    }

    public bool IsWeb { get; }

    public IReadOnlyDictionary<string, string> PodLabels { get; }

    /// <summary><c>spec.replicas</c> as a number; null when absent (1, or what an autoscaler decides).</summary>
    public int? Replicas { get; }

    public FactLocation ReplicasAt { get; }

    /// <summary><c>metadata.namespace</c>, else <c>metadata</c>: where moving the workload to its tenant's namespace is written.</summary>
    public FactLocation NamespaceAt { get; }

    /// <summary>The Odoo instance the workload belongs to: its <c>app.kubernetes.io/instance</c> label, else its name.</summary>
    public string Instance { get; }
}
