using System;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A CloudNativePG <c>Cluster</c> in a production environment that no active <c>ScheduledBackup</c> of the input backs up
/// (<c>spec.cluster.name</c> naming it, in its namespace, not suspended): continuous WAL archiving alone needs a base
/// backup to restore from, and only a schedule takes them.
/// </summary>
internal sealed class CnpgScheduledBackupCheck : CrossResourceCheck
{
    public CnpgScheduledBackupCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var cluster in index.All<CnpgClusterFact>())
        {
            if (!cluster.Origin.IsProduction)
            {
                continue;
            }

            var own = index.InNamespace<CnpgScheduledBackupFact>(cluster.Origin.Namespace).Where(s => s.ClusterName == cluster.Origin.Name && s.Origin.SameNamespaceAs(cluster.Origin)).ToList();
            if (own.Any(s => !s.Suspended))
            {
                continue;
            }

            sink.Report(
                cluster,
                cluster.At,
                CrossResourceSink.Argument("reason", own.Count == 0 ? "no ScheduledBackup names it" : $"its ScheduledBackup \"{own[0].Origin.Name}\" is suspended"));
        }
    }
}
