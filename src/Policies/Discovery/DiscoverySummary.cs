using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Discovery;

/// <summary>What discovery left out or turned into something else, so a run can say what it did not judge and why.</summary>
public sealed class DiscoverySummary
{
    public static DiscoverySummary None { get; } = new();

    /// <summary>Files and folders left out by ignore files or the policy's <c>exclude</c>.</summary>
    public int IgnoredPaths { get; init; }

    public int HiddenFolders { get; init; }

    /// <summary>Folder links not followed because their folder was already walked (loops, second routes).</summary>
    public int LinksNotFollowed { get; init; }

    /// <summary>Files only kustomizations use (patches, components' files, generator inputs), judged through the build.</summary>
    public int FilesUsedByKustomizations { get; init; }

    /// <summary>Overlay folders rendered with kustomize (display paths).</summary>
    public IReadOnlyList<string> Kustomizations { get; init; } = Array.Empty<string>();

    /// <summary>Chart folders (display paths).</summary>
    public IReadOnlyList<string> Charts { get; init; } = Array.Empty<string>();
}
