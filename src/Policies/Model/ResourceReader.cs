using System.Collections.Generic;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Model;

/// <summary>Recognises Kubernetes objects in loaded documents, unfolding <c>kind: List</c>. Unknown kinds are kept as generic objects.</summary>
public static class ResourceReader
{
    public static IReadOnlyList<Resource> Read(LoadedManifest manifest, List<InputProblem> problems)
    {
        var resources = new List<Resource>(manifest.Documents.Count);
        foreach (var document in manifest.Documents)
        {
            Add(manifest.Source, document.Index, document.Root, resources, problems);
        }

        return resources;
    }

    private static void Add(ManifestSource source, int documentIndex, YamlNode node, List<Resource> resources, List<InputProblem> problems)
    {
        if (node is not MappingNode root)
        {
            problems.Add(new InputProblem(InputProblemKind.NotAResource, "the document is not a mapping, so it is not a Kubernetes object", node.Line, node.Column, documentIndex));
            return;
        }

        var kind = root.GetScalar("kind");
        var apiVersion = root.GetScalar("apiVersion");
        if (kind is null || kind.IsNull || kind.Value.Length == 0 || apiVersion is null || apiVersion.IsNull || apiVersion.Value.Length == 0)
        {
            var missing = kind is null || kind.IsNull || kind.Value.Length == 0
                ? (apiVersion is null || apiVersion.IsNull ? "kind and apiVersion" : "kind")
                : "apiVersion";
            problems.Add(new InputProblem(InputProblemKind.NotAResource, $"the document has no {missing}, so it is not a Kubernetes object", root.Line, root.Column, documentIndex));
            return;
        }

        if (kind.Value.EndsWith("List", System.StringComparison.Ordinal) && root.Get("items") is SequenceNode items)
        {
            foreach (var item in items.Items)
            {
                Add(source, documentIndex, item, resources, problems);
            }

            return;
        }

        var metadata = root.GetMapping("metadata");
        var identity = new ResourceIdentity(
            apiVersion.Value,
            kind.Value,
            metadata?.GetString("namespace"),
            metadata?.GetString("name") ?? metadata?.GetString("generateName"));
        resources.Add(new Resource(source, documentIndex, root, identity, kind));
    }
}
