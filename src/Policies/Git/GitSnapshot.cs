#if NET
using System;
using System.Collections.Generic;
using System.IO;

namespace PolicyKit.Policies.Git;

/// <summary>
/// The files of one commit, copied into a private temporary folder so the engine can read them like any checkout;
/// the folder is deleted on dispose.
/// </summary>
public sealed class GitSnapshot : IDisposable
{
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);

    private GitSnapshot(string commit, string root)
    {
        Commit = commit;
        Root = root;
    }

    /// <summary>The commit the files come from.</summary>
    public string Commit { get; }

    /// <summary>The temporary folder that stands for the repository's top level.</summary>
    public string Root { get; }

    /// <summary>Repository-relative paths (<c>/</c> separators) of the files copied.</summary>
    public IEnumerable<string> Paths => files.Keys;

    internal static GitSnapshot Create(string commit)
    {
        var root = Path.Combine(Path.GetTempPath(), "policykit-base-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new GitSnapshot(commit, root);
    }

    /// <summary>The content of a repository-relative path in this commit, or null when the commit has no such file.</summary>
    public byte[]? Content(string path) => files.TryGetValue(path, out var bytes) ? bytes : null;

    /// <summary>Where a repository-relative path lies inside the copy.</summary>
    public string FullPath(string path) => Path.GetFullPath(Path.Combine(Root, path.Replace('/', Path.DirectorySeparatorChar)));

    internal void Add(string path, string blob, byte[] content)
    {
        var full = FullPath(path);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new GitException($"commit {Commit} holds a path outside its tree: {path} (object {blob})");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        files[path] = content;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A leftover temporary folder is harmless; failing the gate over it is not.
        }
    }
}
#endif
