using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Checks.Odoo;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// In production, the PersistentVolumeClaim that holds an Odoo web server's filestore (<c>data_dir</c>, see
/// <see cref="OdooFilestore"/>, or its <c>filestore</c> subdirectory) must be backed up: a CronJob of its namespace mounts the claim (it copies the
/// filestore) or names the filestore or Odoo's <c>/web/database/backup</c> (a zip with the filestore) on its command line,
/// or a volume backup object covers it (<see cref="VolumeBackupFact"/>). Reported at the claim's
/// <c>metadata.name</c>, else — the claim not being in the input — at the <c>claimName</c> in the Odoo pod. Filestores on
/// StatefulSet claim templates, an <c>emptyDir</c> (PK8015's) or other volume sources are not judged.
/// </summary>
internal sealed class FilestoreBackupCoverageCheck : CrossResourceCheck
{
    public FilestoreBackupCoverageCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var topology = OdooTopology.For(index);
        var claims = OdooFilestore.Claims(index);

        var cronJobs = index.All<WorkloadFact>().Where(w => w.Kind == "CronJob").ToLookup(w => w.Origin.Namespace ?? string.Empty);
        var backups = index.All<VolumeBackupFact>().ToList();
        foreach (var instance in topology.Instances)
        {
            if (!instance.Workload.Origin.IsProduction || !topology.IsSelected(instance) || OdooRoles.IsCronRunner(instance)
                || OdooFilestore.DataDir(instance) is not { } dataDir || FilestoreMount(instance, dataDir) is not { } mount
                || instance.Workload.Volume(mount.Volume) is not { ClaimName: { } claimName } volume)
            {
                continue;
            }

            var claimNamespace = instance.Workload.Origin.Namespace;
            if (cronJobs[claimNamespace ?? string.Empty].Any(job => CopiesFilestore(job, claimName))
                || backups.Any(b => b.Covers(claimNamespace, claimName)))
            {
                continue;
            }

            var problem = $"holds the filestore ({dataDir}) of {instance.Describe()}, and no CronJob of namespace \"{claimNamespace ?? "(unset)"}\" mounts it and no volume backup (Velero Schedule, k8up, VolumeSnapshot) covers it";
            if (claims.TryGetValue((claimNamespace ?? string.Empty, claimName), out var claim))
            {
                sink.Report(claim, claim.NameAt, CrossResourceSink.Argument("claim", claimName), CrossResourceSink.Argument("problem", problem));
            }
            else
            {
                sink.Report(instance.Workload, volume.ClaimNameAt ?? volume.At, CrossResourceSink.Argument("claim", claimName), CrossResourceSink.Argument("problem", problem));
            }
        }
    }

    /// <summary>The mount holding the data directory, else one holding its <c>filestore</c> subdirectory (attachments, without sessions).</summary>
    private static VolumeMountFact? FilestoreMount(OdooInstance instance, string dataDir)
    {
        var filestore = dataDir.TrimEnd('/') + "/filestore";
        return OdooFilestore.Mount(instance, dataDir)
            ?? instance.Container.Mounts.FirstOrDefault(m => m.MountPath.TrimEnd('/') == filestore || m.MountPath.StartsWith(filestore + "/", StringComparison.Ordinal));
    }

    private static bool CopiesFilestore(WorkloadFact job, string claimName)
    {
        if (job.Volumes.Any(v => v.ClaimName == claimName))
        {
            return true;
        }

        foreach (var container in job.Containers)
        {
            foreach (var item in container.CommandLine)
            {
                if (item.Value.IndexOf("filestore", StringComparison.OrdinalIgnoreCase) >= 0
                    || item.Value.IndexOf("/web/database/backup", StringComparison.Ordinal) >= 0)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
