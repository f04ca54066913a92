using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource.Collectors;

/// <summary>Records each <c>Namespace</c> and its labels.</summary>
internal sealed class NamespaceCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind == "Namespace";

    public override void Collect(Resource resource, FactSink sink)
    {
        var metadata = resource.Root.GetMapping("metadata");
        var at = metadata?.Get("name") is { } name ? FactLocation.At(name, "metadata.name") : FactLocation.At(resource.KindNode, "kind");
        sink.Add(new NamespaceFact(sink.Origin, YamlFacts.StringMap(metadata?.GetMapping("labels")), at));
    }
}
