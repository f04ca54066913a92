using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Git;
using PolicyKit.Policies.Tests.Metrics;
using TestGit = PolicyKit.Policies.Tests.Exceptions.Git;

namespace PolicyKit.Policies.Tests.Git;

/// <summary>
/// The metrics reach each release's tree from the previous one's by the changes between them (one <c>diff-tree</c> for
/// the whole history): applied to the earlier tree they must give exactly the later tree's regular files, whatever
/// the change (added, modified, removed, a file turned into a symbolic link, an executable bit, a folder replaced by a file).
/// </summary>
public sealed class TreeChangesTests
{
    [GitFact]
    public void Changes_applied_to_a_tree_give_the_next_tree_in_the_order_the_pairs_were_asked()
    {
        using var history = new ReleaseHistory();
        history.Write("a.yaml", "a: 1\n").Write("b.yaml", "b: 1\n").Write("c.yaml", "c: 1\n").Write("d.yaml", "d: 1\n").Write("dir/e.yaml", "e: 1\n");
        var first = history.Commit("2026-07-01", "first");
        history.Write("a.yaml", "a: 2\n").Delete("b.yaml").Write("f.yaml", "f: 1\n");
        File.Delete(Path.Combine(history.Path, "c.yaml"));
        File.CreateSymbolicLink(Path.Combine(history.Path, "c.yaml"), "a.yaml");
        TestGit.MustRun(history.Path, null, "update-index", "--add", "--chmod=+x", "d.yaml");
        Directory.Delete(Path.Combine(history.Path, "dir"), recursive: true);
        history.Write("dir", "now a file\n");
        var second = history.Commit("2026-07-02", "second");
        var third = history.Commit("2026-07-03", "nothing");

        var git = GitHistory.Open(history.Path);
        var changes = git.Changes(new[] { (first, second), (second, third), (second, first) });

        Assert.Equal(3, changes.Count);
        Assert.Equal(Listing(git, second), Apply(Listing(git, first), changes[0]));
        Assert.Empty(changes[1]);
        Assert.Equal(Listing(git, first), Apply(Listing(git, second), changes[2]));
        Assert.Contains(changes[0], c => c.Path == "c.yaml" && c.Blob is null);
        Assert.Contains(changes[0], c => c.Path == "b.yaml" && c.Blob is null);
    }

    private static SortedDictionary<string, string> Listing(GitHistory git, string commit) =>
        new(git.Tree(commit).ToDictionary(e => e.Path, e => e.Blob), StringComparer.Ordinal);

    private static SortedDictionary<string, string> Apply(SortedDictionary<string, string> tree, IReadOnlyList<GitTreeChange> changes)
    {
        var next = new SortedDictionary<string, string>(tree, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            if (change.Blob is null)
            {
                next.Remove(change.Path);
            }
            else
            {
                next[change.Path] = change.Blob;
            }
        }

        return next;
    }
}
