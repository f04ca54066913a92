#if NET
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyKit.Policies.Git;

/// <summary>
/// A git repository read through its objects only: commits are resolved and trees copied out with plumbing commands
/// (<c>rev-parse</c>, <c>ls-tree</c>, <c>cat-file --batch</c>), so the working tree, the index and the refs are never
/// touched and nothing from the repository runs.
/// </summary>
public sealed class GitRepository
{
    private GitRepository(string topLevel) => TopLevel = topLevel;

    /// <summary>The repository's top-level folder (absolute).</summary>
    public string TopLevel { get; }

    /// <summary>The repository that holds <paramref name="directory"/>.</summary>
    /// <exception cref="GitException">git is missing or the folder is not inside a repository.</exception>
    public static GitRepository Open(string directory)
    {
        var result = GitCommand.Run(directory, null, "rev-parse", "--show-toplevel");
        if (result.ExitCode != 0)
        {
            throw new GitException($"{directory} is not inside a git repository ({result.FirstErrorLine}); --base needs the repository's history, or use --baseline FILE");
        }

        return new GitRepository(Path.GetFullPath(result.Text.Trim()));
    }

    /// <summary>The commit id <paramref name="revision"/> names.</summary>
    /// <exception cref="GitException">The revision is unknown; in a shallow clone the message names the fetch depth to set.</exception>
    public string ResolveCommit(string revision)
    {
        if (revision.StartsWith("-", StringComparison.Ordinal))
        {
            throw new GitException($"'{revision}' is not a revision");
        }

        var result = GitCommand.Run(TopLevel, null, "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}");
        if (result.ExitCode == 0)
        {
            return result.Text.Trim();
        }

        var shallow = GitCommand.Run(TopLevel, null, "rev-parse", "--is-shallow-repository").Text.Trim() == "true";
        if (shallow)
        {
            var depth = CommitCount();
            throw new GitException(
                $"the base revision '{revision}' is not in this shallow clone (it holds {depth} commit{(depth == 1 ? string.Empty : "s")}); " +
                "fetch the history: set fetch-depth: 0 on actions/checkout, GIT_DEPTH: 0 in GitLab CI, fetchDepth: 0 in Azure Pipelines, " +
                $"or run 'git fetch --unshallow' (at least 'git fetch --deepen=N' until '{revision}' is reachable)");
        }

        throw new GitException($"the revision '{revision}' is not in the repository at {TopLevel}; fetch it first (e.g. 'git fetch origin {revision}') or name an existing commit");
    }

    /// <summary>
    /// Copies the regular files of <paramref name="commit"/>'s tree whose names <paramref name="include"/> accepts into a
    /// new temporary folder. Symbolic links and submodules are left out, so nothing read later can lead outside the copy.
    /// </summary>
    public GitSnapshot Snapshot(string commit, Func<string, bool> include)
    {
        var listing = GitCommand.MustRun(TopLevel, "ls-tree", "-r", "-z", "--full-tree", commit);
        var entries = GitObjectOutput.RegularFiles(listing).Where(entry => include(entry.Path)).ToList();

        var snapshot = GitSnapshot.Create(commit);
        try
        {
            var contents = ReadBlobs(entries.Select(e => e.Blob).Distinct(StringComparer.Ordinal).ToList());
            foreach (var entry in entries)
            {
                snapshot.Add(entry.Path, entry.Blob, contents[entry.Blob]);
            }
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }

        return snapshot;
    }

    private Dictionary<string, byte[]> ReadBlobs(IReadOnlyList<string> blobs)
    {
        if (blobs.Count == 0)
        {
            return new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }

        var request = Encoding.ASCII.GetBytes(string.Join("\n", blobs) + "\n");
        var result = GitCommand.Run(TopLevel, request, "cat-file", "--batch");
        if (result.ExitCode != 0)
        {
            throw new GitException($"'git cat-file --batch' failed: {result.FirstErrorLine}");
        }

        return GitObjectOutput.Blobs(result.Output, blobs, message => new GitException(message));
    }

    private int CommitCount()
    {
        var result = GitCommand.Run(TopLevel, null, "rev-list", "--count", "HEAD");
        return result.ExitCode == 0 && int.TryParse(result.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : 0;
    }
}
#endif
