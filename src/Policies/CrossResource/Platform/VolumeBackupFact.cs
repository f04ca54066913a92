using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// An object that backs up persistent volumes without a CronJob of the input: a Velero <c>Schedule</c> (the
/// namespaces its template includes, minus those it excludes), a k8up <c>Schedule</c>/<c>Backup</c>, a snapscheduler
/// <c>SnapshotSchedule</c> or a Stash/KubeStash <c>BackupConfiguration</c> (their own namespace), a Longhorn
/// <c>RecurringJob</c> taking backups or snapshots (every volume), or a <c>VolumeSnapshot</c> of one claim.
/// </summary>
internal sealed class VolumeBackupFact : ResourceFact
{
    public VolumeBackupFact(FactOrigin origin, IReadOnlyList<string>? namespaces, IReadOnlyList<string> excludedNamespaces, string? claimName)
        : base(origin)
    {
        Namespaces = namespaces;
        ExcludedNamespaces = excludedNamespaces;
        ClaimName = claimName;
    }

    /// <summary>The namespaces whose volumes it backs up; null: every namespace.</summary>
    public IReadOnlyList<string>? Namespaces { get; }

    public IReadOnlyList<string> ExcludedNamespaces { get; }

    /// <summary>The one claim it backs up (a VolumeSnapshot's source); null: every claim of its namespaces.</summary>
    public string? ClaimName { get; }

    public bool Covers(string? claimNamespace, string claimName)
    {
        var space = claimNamespace ?? string.Empty;
        if (ExcludedNamespaces.Contains(space) || (ClaimName is not null && ClaimName != claimName))
        {
            return false;
        }

        return Namespaces is null || Namespaces.Contains(space);
    }
}
