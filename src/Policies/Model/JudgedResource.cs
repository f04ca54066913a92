using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Model;

/// <summary>
/// What findings keep of a judged resource once its parse tree is gone: its identity, the file it came from and its own
/// <c>metadata.labels</c> (exception scopes select by them). Built only when the resource has a finding, so memory grows
/// with findings by a few strings each, never by trees.
/// </summary>
internal sealed class JudgedResource
{
    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private JudgedResource(ResourceIdentity identity, string file, IReadOnlyDictionary<string, string> labels, Resource? rendered, string? renderedFrom)
    {
        Identity = identity;
        File = file;
        Labels = labels;
        Rendered = rendered;
        RenderedFrom = renderedFrom;
    }

    public ResourceIdentity Identity { get; }

    /// <summary>The display path of the file the resource came from.</summary>
    public string File { get; }

    /// <summary>The object's own <c>metadata.labels</c> (not its pod template's), non-null scalar values only.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>
    /// The resource itself, kept only when it came from a render (kustomize, Helm): its findings are located in the
    /// files a person edits by walking the rendered tree, even for judgements settled after streaming. Renders are small
    /// next to a repository's plain files, so this does not make memory grow with the repository.
    /// </summary>
    public Resource? Rendered { get; }

    /// <summary>
    /// The overlay or chart the resource was rendered from, as reports show it (<see cref="Loading.RenderedOrigin.UnitDisplayPath"/>),
    /// or null for a file read as written. A string rather than the origin itself: facts outlive their run's discovery.
    /// </summary>
    public string? RenderedFrom { get; }

    public static JudgedResource Of(Resource resource) =>
        new(resource.Identity, resource.Source.DisplayPath, LabelsOf(resource.Root), resource.Source.Rendering is null ? null : resource, resource.Source.Rendering?.UnitDisplayPath);

    /// <summary>
    /// The resource without its tree, for facts that outlive their file: what they report is located in the files a
    /// person edits while the tree is still at hand (<see cref="CrossResource.FactLocation"/>), so a repository of many
    /// overlays does not keep every rendered tree until the cross-resource phase.
    /// </summary>
    public static JudgedResource Detached(Resource resource) =>
        new(resource.Identity, resource.Source.DisplayPath, LabelsOf(resource.Root), null, resource.Source.Rendering?.UnitDisplayPath);

    private static IReadOnlyDictionary<string, string> LabelsOf(MappingNode root)
    {
        if (root.GetMapping("metadata")?.GetMapping("labels") is not { } labels || labels.Entries.Count == 0)
        {
            return NoLabels;
        }

        var result = new List<KeyValuePair<string, string>>(labels.Entries.Count);
        foreach (var entry in labels.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } value)
            {
                // A key written twice keeps its first place and its last value, as a dictionary would.
                var pair = new KeyValuePair<string, string>(entry.Key.Value, value.Value);
                var index = result.FindIndex(p => string.Equals(p.Key, pair.Key, StringComparison.Ordinal));
                if (index >= 0)
                {
                    result[index] = pair;
                }
                else
                {
                    result.Add(pair);
                }
            }
        }

        return result.Count == 0 ? NoLabels : new CompactLabels(result.ToArray());
    }
}
