using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// One patch a kustomization applies: a strategic-merge document (a partial resource) or a JSON 6902 operation list,
/// with the resource it targets (from its <c>target</c>, else from the document's own kind and name). An inline patch
/// (written inside the kustomization) is located at <see cref="InlineAt"/>, the kustomization line that holds it.
/// </summary>
internal sealed record KustomizePatch(string FullPath, YamlNode Body, string? TargetKind, string? TargetName, YamlNode? InlineAt = null)
{
    public bool IsJson6902 => Body is SequenceNode;

    /// <summary>Whether the patch may have changed a resource; names are compared loosely because prefixes and suffixes apply.</summary>
    public bool Targets(string kind, string renderedName) =>
        (TargetKind is null || TargetKind == kind)
        && (TargetName is null || renderedName.Contains(TargetName));
}
