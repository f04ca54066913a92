using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Model;

/// <summary>
/// Recognises Kubernetes objects in loaded documents, unfolding <c>kind: List</c>. Unknown kinds are kept as generic
/// objects. YAML that is not an attempt at a Kubernetes object (CI definitions, compose files, chart metadata) is
/// skipped and counted, never a problem: see <see cref="IsAttemptedManifest"/> and docs/discovery.md.
/// </summary>
public static class ResourceReader
{
    public static IReadOnlyList<Resource> Read(LoadedManifest manifest, List<InputProblem> problems) => Read(manifest, problems, out _);

    /// <summary>Reads the resources and counts in <c>skippedDocuments</c> the documents that are YAML but not meant as Kubernetes objects.</summary>
    public static IReadOnlyList<Resource> Read(LoadedManifest manifest, List<InputProblem> problems, out int skippedDocuments)
    {
        var resources = new List<Resource>(manifest.Documents.Count);
        skippedDocuments = 0;
        foreach (var document in manifest.Documents)
        {
            if (manifest.Source.IsHelmValues)
            {
                if (document.Root is MappingNode values)
                {
                    resources.Add(HelmValues.Resource(manifest.Source, document.Index, values));
                }
            }
            else if (IsBlank(document.Root))
            {
                // A "---" followed only by comments: kubectl skips it, and so do we.
            }
            else if (!IsAttemptedManifest(document.Root))
            {
                skippedDocuments++;
            }
            else
            {
                Add(manifest.Source, document.Index, document.Root, resources, problems);
            }
        }

        return resources;
    }

    /// <summary>
    /// The deciding rule: a document is meant as a Kubernetes object when it is a mapping with <c>apiVersion</c>,
    /// <c>kind</c> or <c>metadata</c> at its top, or a list of such mappings. Anything else is other YAML.
    /// </summary>
    public static bool IsAttemptedManifest(YamlNode root) => root switch
    {
        MappingNode mapping => HasManifestKey(mapping),
        SequenceNode sequence => sequence.Items.Any(i => i is MappingNode item && HasManifestKey(item)),
        _ => false,
    };

    private static bool HasManifestKey(MappingNode mapping) =>
        mapping.Get("apiVersion") is not null || mapping.Get("kind") is not null || mapping.Get("metadata") is not null;

    private static bool IsBlank(YamlNode root) => root is ScalarNode { IsNull: true };

    private static void Add(ManifestSource source, int documentIndex, YamlNode node, List<Resource> resources, List<InputProblem> problems)
    {
        if (node is not MappingNode root)
        {
            problems.Add(new InputProblem(InputProblemKind.NotAResource, "the document is a list, not a mapping, so it is not a Kubernetes object", node.Line, node.Column, documentIndex));
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
