namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>A CloudNativePG <c>ScheduledBackup</c> and the Cluster it backs up (<c>spec.cluster.name</c>).</summary>
internal sealed class CnpgScheduledBackupFact : ResourceFact
{
    public CnpgScheduledBackupFact(FactOrigin origin, string clusterName, bool suspended)
        : base(origin)
    {
        ClusterName = clusterName;
        Suspended = suspended;
    }

    public string ClusterName { get; }

    /// <summary><c>spec.suspend: true</c>: the schedule exists but takes no backup.</summary>
    public bool Suspended { get; }
}
