using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Keeps each kustomization's last build across discovery runs over successive states of one tree (the releases of a
/// history), so a kustomization whose input files all kept their content is not built again. The caller names each
/// file's content (a git blob id); a file it cannot name makes the build run. Only the latest build per kustomization
/// is kept, so memory stays bounded by one build of each.
/// </summary>
public sealed class KustomizeBuildCache
{
    private readonly Func<string, string?> contentIdentity;
    private readonly Dictionary<string, (string Key, byte[] Output)> builds = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <param name="contentIdentity">A file's full path to an identity of its content, or null when unknown.</param>
    public KustomizeBuildCache(Func<string, string?> contentIdentity)
    {
        this.contentIdentity = contentIdentity;
    }

    /// <summary>Builds taken over instead of run.</summary>
    public int Reused { get; private set; }

    /// <summary>The identity of a build's inputs, or null when one of them cannot be named.</summary>
    internal string? KeyOf(IEnumerable<string> inputFiles)
    {
        var parts = new List<string>();
        foreach (var file in inputFiles.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            if (contentIdentity(file) is not { } identity)
            {
                return null;
            }

            parts.Add(file + "\u001f" + identity);
        }

        return string.Join("\u001e", parts);
    }

    internal byte[]? Find(string kustomization, string key)
    {
        lock (gate)
        {
            if (builds.TryGetValue(kustomization, out var build) && build.Key == key)
            {
                Reused++;
                return build.Output;
            }

            return null;
        }
    }

    internal void Keep(string kustomization, string key, byte[] output)
    {
        lock (gate)
        {
            builds[kustomization] = (key, output);
        }
    }
}
