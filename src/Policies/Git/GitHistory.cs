#if NET
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyKit.Policies.Git;

/// <summary>
/// A repository's history read through git's log and object plumbing (<c>for-each-ref</c>, <c>log</c>, <c>ls-tree</c>,
/// <c>diff-tree</c>, <c>cat-file --batch</c>): the working tree, the index and the refs are never changed.
/// </summary>
public sealed class GitHistory
{
    private const char Field = '\u001f';
    private const char Record = '\u001e';

    /// <summary>Paths changed between a first parent and its commit ("parent commit"), read ahead by <see cref="ReadChangedPaths"/>.</summary>
    private readonly Dictionary<string, IReadOnlyList<string>> changedPaths = new(StringComparer.Ordinal);

    private GitHistory(string topLevel) => TopLevel = topLevel;

    /// <summary>The repository's top-level folder (absolute).</summary>
    public string TopLevel { get; }

    /// <exception cref="GitReadException">git is missing or the folder is not inside a repository.</exception>
    public static GitHistory Open(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new GitReadException($"the folder {directory} does not exist");
        }

        try
        {
            return new GitHistory(Path.GetFullPath(GitProcess.Text(directory, "rev-parse", "--show-toplevel").Trim()));
        }
        catch (GitReadException exception)
        {
            throw new GitReadException($"{directory} is not inside a git repository ({exception.Message})");
        }
    }

    /// <summary>The commit a revision names.</summary>
    public string ResolveCommit(string revision)
    {
        if (revision.StartsWith("-", StringComparison.Ordinal))
        {
            throw new GitReadException($"'{revision}' is not a revision");
        }

        return GitProcess.Text(TopLevel, "rev-parse", "--verify", "--end-of-options", revision + "^{commit}").Trim();
    }

    /// <summary>Every tag: its name, the commit it points at (annotated tags peeled) and its date (tagger date, else commit date).</summary>
    public IReadOnlyList<(string Name, string Commit, DateTimeOffset Time)> Tags()
    {
        var text = GitProcess.Text(TopLevel, "for-each-ref", "refs/tags", $"--format=%(refname:short){Field}%(objectname){Field}%(*objectname){Field}%(creatordate:iso-strict){Record}");
        var tags = new List<(string, string, DateTimeOffset)>();
        foreach (var line in GitProcess.Records(text, Record))
        {
            var fields = line.Split(Field);
            var commit = fields[2].Length > 0 ? fields[2] : fields[1];
            tags.Add((fields[0], commit, ParseTime(fields[3])));
        }

        return tags;
    }

    /// <summary>
    /// The merges on <paramref name="branch"/>'s first-parent line whose change (against the first parent) touches one
    /// of <paramref name="paths"/>, oldest first. An empty path list takes every merge.
    /// </summary>
    public IReadOnlyList<GitCommitRecord> FirstParentMerges(string branch, IReadOnlyList<string> paths)
    {
        var arguments = new List<string> { "log", "--first-parent", "--merges", "--reverse", "--diff-merges=first-parent", Format(false), ResolveCommit(branch), "--" };
        arguments.AddRange(paths);
        return ParseLog(GitProcess.Text(TopLevel, arguments.ToArray()));
    }

    /// <summary>
    /// The commits reachable from <paramref name="to"/> but not from <paramref name="from"/> (all ancestors when it is
    /// null), newest first. <paramref name="signatures"/> asks git to verify signatures, which runs gpg or ssh-keygen.
    /// </summary>
    public IReadOnlyList<GitCommitRecord> Commits(string? from, string to, bool signatures, bool firstParent = false)
    {
        var arguments = new List<string>();
        if (signatures)
        {
            // The repository's own configuration must not choose which program verifies: pin the standard ones.
            arguments.AddRange(new[] { "-c", "gpg.program=gpg", "-c", "gpg.ssh.program=ssh-keygen" });
        }

        arguments.AddRange(new[] { "log", Format(signatures) });
        if (firstParent)
        {
            arguments.Add("--first-parent");
        }

        arguments.Add(from is null ? to : $"{from}..{to}");
        arguments.Add("--");
        return ParseLog(GitProcess.Text(TopLevel, arguments.ToArray()));
    }

    /// <summary>The repository-relative paths a commit changed against its first parent (all its files for a root commit).</summary>
    public IReadOnlyList<string> ChangedPaths(GitCommitRecord commit)
    {
        if (commit.Parents.Count > 0 && changedPaths.TryGetValue(commit.Parents[0] + " " + commit.Id, out var read))
        {
            return read;
        }

        var text = commit.Parents.Count == 0
            ? GitProcess.Text(TopLevel, "ls-tree", "-r", "-z", "--name-only", "--full-tree", commit.Id)
            : GitProcess.Text(TopLevel, "diff-tree", "-r", "-z", "--no-renames", "--name-only", commit.Parents[0], commit.Id);
        return GitProcess.Records(text, '\0');
    }

    /// <summary>
    /// Reads the paths many commits changed against their first parents in one git process, so that
    /// <see cref="ChangedPaths"/> answers them without starting one each.
    /// </summary>
    public void ReadChangedPaths(IEnumerable<GitCommitRecord> commits)
    {
        var pairs = commits.Where(c => c.Parents.Count > 0).Select(c => (From: c.Parents[0], To: c.Id)).Distinct().ToList();
        var changes = Changes(pairs);
        for (var i = 0; i < pairs.Count; i++)
        {
            changedPaths[pairs[i].From + " " + pairs[i].To] = changes[i].Select(c => c.Path).ToList();
        }
    }

    /// <summary>What changed from each pair's first commit to its second (every path, regular file or not), read in one <c>diff-tree --stdin</c>.</summary>
    public IReadOnlyList<IReadOnlyList<GitTreeChange>> Changes(IReadOnlyList<(string From, string To)> pairs)
    {
        if (pairs.Count == 0)
        {
            return Array.Empty<IReadOnlyList<GitTreeChange>>();
        }

        // Each line names a commit, then the commit to compare it with (as if it were its parent).
        var input = Encoding.ASCII.GetBytes(string.Concat(pairs.Select(p => p.To + " " + p.From + "\n")));
        var output = new UTF8Encoding(false).GetString(GitProcess.Run(TopLevel, input, "diff-tree", "--stdin", "--always", "-r", "-z", "--no-renames"));
        return GitObjectOutput.TreeChanges(output, pairs.Count, message => new GitReadException(message));
    }

    /// <summary>The regular files of a commit's tree (symbolic links and submodules left out), by path.</summary>
    public IReadOnlyList<GitTreeEntry> Tree(string commit) =>
        GitObjectOutput.RegularFiles(GitProcess.Text(TopLevel, "ls-tree", "-r", "-z", "--full-tree", commit));

    /// <summary>The contents of blobs, read in one <c>cat-file --batch</c>.</summary>
    public IReadOnlyDictionary<string, byte[]> ReadBlobs(IReadOnlyCollection<string> blobs)
    {
        if (blobs.Count == 0)
        {
            return new Dictionary<string, byte[]>(StringComparer.Ordinal);
        }

        var ordered = blobs.Distinct(StringComparer.Ordinal).ToList();
        var output = GitProcess.Run(TopLevel, Encoding.ASCII.GetBytes(string.Join("\n", ordered) + "\n"), "cat-file", "--batch");
        return GitObjectOutput.Blobs(output, ordered, message => new GitReadException(message));
    }

    /// <summary>The content of <paramref name="path"/> in <paramref name="commit"/>, or null when the commit has no such file.</summary>
    public byte[]? FileAt(string commit, string path)
    {
        var output = GitProcess.Run(TopLevel, Encoding.UTF8.GetBytes(commit + ":" + path + "\n"), "cat-file", "--batch");
        var newline = Array.IndexOf(output, (byte)'\n');
        var header = Encoding.UTF8.GetString(output, 0, newline < 0 ? output.Length : newline).Split(' ');
        if (header.Length != 3 || header[1] != "blob")
        {
            return null;
        }

        var size = int.Parse(header[2], CultureInfo.InvariantCulture);
        var bytes = new byte[size];
        Buffer.BlockCopy(output, newline + 1, bytes, 0, size);
        return bytes;
    }

    private static string Format(bool signatures) =>
        $"--format=%H{Field}%P{Field}%an{Field}%ae{Field}%aI{Field}%cI{Field}{(signatures ? "%G?" : "N")}{Field}%s{Field}%b{Field}%(trailers:only,unfold){Record}";

    private static IReadOnlyList<GitCommitRecord> ParseLog(string text)
    {
        var commits = new List<GitCommitRecord>();
        foreach (var record in GitProcess.Records(text, Record))
        {
            var fields = record.Split(Field);
            if (fields.Length < 10)
            {
                continue;
            }

            var parents = fields[1].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            commits.Add(new GitCommitRecord(
                fields[0].Trim(), parents, fields[2], fields[3], ParseTime(fields[4]), ParseTime(fields[5]), fields[7], fields[8].Trim(), fields[6], ParseTrailers(fields[9])));
        }

        return commits;
    }

    private static IReadOnlyList<KeyValuePair<string, string>> ParseTrailers(string text)
    {
        var trailers = new List<KeyValuePair<string, string>>();
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                trailers.Add(new KeyValuePair<string, string>(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
            }
        }

        return trailers;
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.None).ToUniversalTime();
}
#endif
