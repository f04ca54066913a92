using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Git;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// One private folder that holds the files of the release being judged. Moving to the next release rewrites only the
/// paths whose blob changed and deletes the paths that went, so the copying costs what changed; the next release is
/// reached by the changes between the two commits, so listing the tree costs what changed too.
/// </summary>
internal sealed class ReleaseWorkspace : IDisposable
{
    private readonly GitHistory history;
    private readonly string realRoot;
    private readonly Dictionary<string, string> blobs = new(StringComparer.Ordinal);

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
        var changes = next.Select(e => new GitTreeChange(e.Key, e.Value)).Concat(blobs.Keys.Where(p => !next.ContainsKey(p)).Select(p => new GitTreeChange(p, null))).ToList();
        return MoveBy(changes);
    }

    /// <summary>
    /// Moves the folder by the changes from the current release's commit to the next one's (<see cref="GitHistory.Changes"/>);
    /// returns the paths whose content changed (added, modified or removed).
    /// </summary>
    public IReadOnlyCollection<string> MoveBy(IReadOnlyList<GitTreeChange> changes)
    {
        var changed = new List<string>();
        var toWrite = new List<KeyValuePair<string, string>>();
        var samePaths = true;
        foreach (var change in changes)
        {
            blobs.TryGetValue(change.Path, out var previous);
            if (change.Blob is null)
            {
                if (previous is not null)
                {
                    blobs.Remove(change.Path);
                    File.Delete(FullPath(change.Path));
                    changed.Add(change.Path);
                    samePaths = false;
                }
            }
            else if (previous != change.Blob)
            {
                blobs[change.Path] = change.Blob;
                toWrite.Add(new KeyValuePair<string, string>(change.Path, change.Blob));
                changed.Add(change.Path);
                samePaths &= previous is not null;
            }
        }

        var contents = history.ReadBlobs(toWrite.Select(e => e.Value).ToList());
        foreach (var entry in toWrite)
        {
            var full = FullPath(entry.Key);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, contents[entry.Value]);
        }

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
