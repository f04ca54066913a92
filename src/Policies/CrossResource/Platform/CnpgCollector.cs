using PolicyKit.Policies.Checks.Platform;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>Records CloudNativePG <c>Cluster</c>s and the Clusters their <c>ScheduledBackup</c>s back up.</summary>
internal sealed class CnpgCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind is "Cluster" or "ScheduledBackup";

    public override void Collect(Resource resource, FactSink sink)
    {
        if (resource.Identity.Group != PlatformApis.CloudNativePg)
        {
            return;
        }

        if (resource.Identity.Kind == "Cluster")
        {
            var name = resource.Root.GetMapping("metadata")?.GetScalar("name");
            sink.Add(new CnpgClusterFact(sink.Origin, name is null ? FactLocation.At(resource.KindNode, "kind") : FactLocation.At(name, "metadata.name")));
            return;
        }

        var spec = resource.Root.GetMapping("spec");
        if (YamlFacts.Text(spec?.GetMapping("cluster")?.Get("name")) is { } cluster)
        {
            sink.Add(new CnpgScheduledBackupFact(sink.Origin, cluster, spec?.GetScalar("suspend")?.AsBoolean() == true));
        }
    }
}
