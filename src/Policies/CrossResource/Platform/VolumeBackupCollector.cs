using System.Collections.Generic;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>Records the volume backup objects of Velero, k8up, snapscheduler, Stash, Longhorn and CSI snapshots (<see cref="VolumeBackupFact"/>).</summary>
internal sealed class VolumeBackupCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind is "Schedule" or "Backup" or "SnapshotSchedule" or "BackupConfiguration" or "RecurringJob" or "VolumeSnapshot";

    public override void Collect(Resource resource, FactSink sink)
    {
        var identity = resource.Identity;
        var spec = resource.Root.GetMapping("spec");
        var own = new[] { identity.Namespace ?? string.Empty };
        var none = System.Array.Empty<string>();
        switch (identity.Group)
        {
            case "velero.io" when identity.Kind == "Schedule":
                var template = spec?.GetMapping("template");
                var included = YamlFacts.Strings(template?.Get("includedNamespaces"));
                var everyNamespace = included.Count == 0 || Contains(included, "*");
                sink.Add(new VolumeBackupFact(sink.Origin, everyNamespace ? null : included, YamlFacts.Strings(template?.Get("excludedNamespaces")), null));
                break;
            case "k8up.io" when identity.Kind == "Backup" || (identity.Kind == "Schedule" && spec?.Get("backup") is not null):
            case "snapscheduler.backube" when identity.Kind == "SnapshotSchedule":
            case "stash.appscode.com" or "core.kubestash.com" when identity.Kind == "BackupConfiguration":
                sink.Add(new VolumeBackupFact(sink.Origin, own, none, null));
                break;
            case "longhorn.io" when identity.Kind == "RecurringJob" && YamlFacts.Text(spec?.Get("task")) is "backup" or "snapshot" or "backup-force-create" or "snapshot-force-create":
                sink.Add(new VolumeBackupFact(sink.Origin, null, none, null));
                break;
            case "snapshot.storage.k8s.io" when identity.Kind == "VolumeSnapshot"
                && YamlFacts.Text(spec?.GetMapping("source")?.Get("persistentVolumeClaimName")) is { } claim:
                sink.Add(new VolumeBackupFact(sink.Origin, own, none, claim));
                break;
        }
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var item in values)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }
}
