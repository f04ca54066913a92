using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Collectors;

/// <summary>Records PersistentVolumeClaims and the claim templates of StatefulSets.</summary>
internal sealed class PersistentVolumeClaimCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind is "PersistentVolumeClaim" or "StatefulSet";

    public override void Collect(Resource resource, FactSink sink)
    {
        if (resource.Identity.Kind == "PersistentVolumeClaim")
        {
            var name = resource.Root.GetMapping("metadata")?.GetScalar("name");
            Record(sink, resource.Identity.Name, resource.Root.GetMapping("spec"), "spec", resource, name is null ? null : FactLocation.At(name, "metadata.name"));
            return;
        }

        var templates = resource.Root.GetMapping("spec")?.GetSequence("volumeClaimTemplates");
        for (var i = 0; i < (templates?.Items.Count ?? 0); i++)
        {
            if (templates!.Items[i] is MappingNode template)
            {
                var name = template.GetMapping("metadata")?.GetString("name");
                var path = name is null ? $"spec.volumeClaimTemplates[{i}]" : $"spec.volumeClaimTemplates[name={name}]";
                var nameNode = template.GetMapping("metadata")?.GetScalar("name");
                Record(sink, name, template.GetMapping("spec"), path + ".spec", resource, nameNode is null ? null : FactLocation.At(nameNode, path + ".metadata.name"));
            }
        }
    }

    private static void Record(FactSink sink, string? name, MappingNode? spec, string specPath, Resource resource, FactLocation? nameAt)
    {
        var modes = spec?.Get("accessModes");
        var at = modes is not null ? FactLocation.At(modes, specPath + ".accessModes")
            : spec is not null ? FactLocation.At(spec, specPath)
            : FactLocation.At(resource.KindNode, "kind");
        sink.Add(new PersistentVolumeClaimFact(sink.Origin, name, YamlFacts.Strings(modes), YamlFacts.Text(spec?.Get("storageClassName")), at) { NameAt = nameAt ?? at });
    }
}
