using System;
using System.Collections.Generic;
using PolicyKit.Policies.Checks.Platform;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>Records CloudNativePG <c>Cluster</c>s (with their superuser roles and Secret) and the Clusters their <c>ScheduledBackup</c>s back up.</summary>
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
            var clusterSpec = resource.Root.GetMapping("spec");
            var superusers = new List<string>();
            foreach (var item in clusterSpec?.GetMapping("managed")?.GetSequence("roles")?.Items ?? Array.Empty<YamlNode>())
            {
                if (item is MappingNode role && role.GetString("name") is { } roleName && role.GetScalar("superuser")?.AsBoolean() == true)
                {
                    superusers.Add(roleName);
                }
            }

            var superuserSecret = clusterSpec?.GetScalar("enableSuperuserAccess")?.AsBoolean() == true
                ? YamlFacts.Text(clusterSpec.GetMapping("superuserSecret")?.Get("name")) ?? resource.Identity.Name + "-superuser"
                : null;
            sink.Add(new CnpgClusterFact(sink.Origin, name is null ? FactLocation.At(resource.KindNode, "kind") : FactLocation.At(name, "metadata.name"))
            {
                SuperuserRoles = superusers,
                SuperuserSecret = superuserSecret,
            });
            return;
        }

        var spec = resource.Root.GetMapping("spec");
        if (YamlFacts.Text(spec?.GetMapping("cluster")?.Get("name")) is { } cluster)
        {
            sink.Add(new CnpgScheduledBackupFact(sink.Origin, cluster, spec?.GetScalar("suspend")?.AsBoolean() == true));
        }
    }
}
