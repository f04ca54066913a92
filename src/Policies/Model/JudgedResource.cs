using System.Collections.Generic;

namespace PolicyKit.Policies.Model;

/// <summary>
/// What findings keep of a judged resource once its parse tree is gone: its identity, the file it came from and its own
/// <c>metadata.labels</c> (exception scopes select by them). Built only when the resource has a finding, so memory grows
/// with findings by a few strings each, never by trees.
/// </summary>
internal sealed class JudgedResource
{
    private JudgedResource(ResourceIdentity identity, string file, IReadOnlyDictionary<string, string> labels, string? renderedFrom)
    {
        Identity = identity;
        File = file;
        Labels = labels;
        RenderedFrom = renderedFrom;
    }

    public ResourceIdentity Identity { get; }

    /// <summary>The display path of the file the resource came from.</summary>
    public string File { get; }

    /// <summary>The object's own <c>metadata.labels</c> (not its pod template's), non-null scalar values only.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>
    /// The overlay or chart the resource was rendered from, as reports show it (<see cref="Loading.RenderedOrigin.UnitDisplayPath"/>),
    /// or null for a file read as written. A string rather than the origin itself: facts outlive their run's discovery.
    /// </summary>
    public string? RenderedFrom { get; }

    /// <summary>
    /// The resource without its tree. What is reported about a rendered resource is located in the files a person edits
    /// while the tree is still at hand (when a violation is recorded, a Pod Security failure found, a fact collected), so
    /// neither findings nor facts keep a rendered tree until the run ends.
    /// </summary>
    public static JudgedResource Of(Resource resource) =>
        new(resource.Identity, resource.Source.DisplayPath, CompactLabels.Of(resource.Root.GetMapping("metadata")?.GetMapping("labels")), resource.Source.Rendering?.UnitDisplayPath);
}
