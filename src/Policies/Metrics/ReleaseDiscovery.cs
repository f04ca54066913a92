using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Git;

namespace PolicyKit.Policies.Metrics;

/// <summary>Finds the releases of a repository in a period, oldest first (by time, then name).</summary>
public static class ReleaseDiscovery
{
    /// <remarks>environmentPaths: The environments' path globs (merges mode): a merge counts when it touches one.</remarks>
    public static IReadOnlyList<Release> Discover(GitHistory history, ReleaseSelection selection, DateTimeOffset? since, DateTimeOffset? until, IReadOnlyList<string> environmentPaths)
    {
        IEnumerable<Release> releases;
        if (selection.ByTags)
        {
            releases = history.Tags().Where(t => selection.MatchesTag(t.Name)).Select(t => new Release(t.Name, t.Commit, t.Time));
        }
        else
        {
            var pathspecs = environmentPaths.Select(p => ":(glob)" + p).ToList();
            releases = history.FirstParentMerges(selection.Branch, pathspecs).Select(m => new Release(m.ShortId, m.Id, m.CommitTime));
        }

        return releases
            .Where(r => (since is null || r.Time >= since) && (until is null || r.Time <= until))
            .OrderBy(r => r.Time)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }
}
