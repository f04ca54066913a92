using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Git;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// One private folder that holds the files of the release being judged. Moving to the next release rewrites only the
/// paths whose blob changed and deletes the paths that went, so the copying costs what changed.
/// </summary>
internal sealed class ReleaseWorkspace : IDisposable
{
    private readonly GitHistory history;
    private readonly string realRoot;
    private Dictionary<string, string> blobs = new(StringComparer.Ordinal);

    public ReleaseWorkspace(GitHistory history)
    {
        this.history = history;
        Root = Path.Combine(Path.GetTempPath(), "policykit-metrics-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        realRoot = Discovery.LinkTargets.RealPath(Root);
    }

    public string Root { get; }

    /// <summary>Whether the last move kept every path (only contents changed): the tree's files and folders are the same.</summary>
    public bool SamePaths { get; private set; }

    /// <summary>The blob of each path of the current release.</summary>
    public IReadOnlyDictionary<string, string> Blobs => blobs;

    /// <summary>Makes the folder hold <paramref name="commit"/>'s tree; returns the paths whose content changed (added, modified or removed).</summary>
    public IReadOnlyCollection<string> MoveTo(string commit)
    {
        var next = history.Tree(commit).ToDictionary(e => e.Path, e => e.Blob, StringComparer.Ordinal);
        var changed = new List<string>();
        var samePaths = next.Count == blobs.Count;
        var toWrite = new List<KeyValuePair<string, string>>();
        foreach (var entry in next)
        {
            if (!blobs.TryGetValue(entry.Key, out var previous) || previous != entry.Value)
            {
                samePaths &= previous is not null;
                toWrite.Add(entry);
                changed.Add(entry.Key);
            }
        }

        foreach (var path in blobs.Keys.Where(p => !next.ContainsKey(p)).ToList())
        {
            File.Delete(FullPath(path));
            changed.Add(path);
        }

        var contents = history.ReadBlobs(toWrite.Select(e => e.Value).ToList());
        foreach (var entry in toWrite)
        {
            var full = FullPath(entry.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, contents[entry.Value]);
        }

        blobs = next;
        SamePaths = samePaths;
        return changed;
    }

    /// <summary>The blob id of a file of the current release by its full path (as discovery names it), or null.</summary>
    public string? BlobAt(string fullPath)
    {
        var relative = Loading.InputCollector.RelativePath(fullPath, Root) ?? Loading.InputCollector.RelativePath(fullPath, realRoot);
        return relative is not null && blobs.TryGetValue(relative, out var blob) ? blob : null;
    }

    /// <summary>The full path of a repository path in the folder (as discovery names it).</summary>
    public string FullPath(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new GitReadException($"the tree holds a path outside itself: {path}");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless; failing the metrics over it is not.
        }
    }
}
