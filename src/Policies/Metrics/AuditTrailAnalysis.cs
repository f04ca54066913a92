using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Git;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// Judges every change of a release for the evidence the policy requires (docs/metrics.md, audit-trail completeness):
/// a ticket reference, an approval (an <c>Approved-by:</c>/<c>Reviewed-by:</c> trailer, or arrival through a merge of a
/// reviewed pull request), a verified signature when <c>metrics.requireSignatures</c> is set, and for exception
/// records an approver who is not the change's author.
/// </summary>
public static class AuditTrailAnalysis
{
    private static readonly Regex ReviewedMerge = new(@"^(Merge pull request #\d+|Merged PR \d+|Merge branch .* into .*)|See merge request", RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <remarks>commits: the commits the release brought (since the previous release), newest first, as git logs them.</remarks>
    public static IReadOnlyList<ChangeEvidence> Judge(GitHistory history, IReadOnlyList<GitCommitRecord> commits, ReleaseFacts release, MetricsSettings settings)
    {
        var approvedByMerge = new HashSet<string>(StringComparer.Ordinal);
        foreach (var merge in commits.Where(c => c.IsMerge && IsReviewedMerge(c)))
        {
            foreach (var brought in history.Commits(merge.Parents[0], merge.Parents[1], signatures: false))
            {
                approvedByMerge.Add(brought.Id);
            }
        }

        var evidence = new List<ChangeEvidence>();
        foreach (var commit in commits.Where(c => !c.IsMerge).Reverse())
        {
            var paths = history.ChangedPaths(commit);
            if (!paths.Any(IsGoverned))
            {
                continue;
            }

            var gaps = new List<string>();
            var ticket = settings.TicketPattern.IsMatch(commit.Subject + "\n" + commit.Body);
            if (!ticket)
            {
                gaps.Add("no ticket reference");
            }

            var approval = HasApprovalTrailer(commit) || approvedByMerge.Contains(commit.Id);
            if (!approval)
            {
                gaps.Add("no approval (no reviewed merge, no Approved-by:/Reviewed-by: trailer)");
            }

            bool? signature = settings.RequireSignatures ? commit.HasVerifiedSignature : null;
            if (signature == false)
            {
                gaps.Add("no verified signature");
            }

            foreach (var id in SelfApprovedRecords(history, commit, paths.Where(p => release.Exceptions.Any(e => e.File == p))))
            {
                gaps.Add($"exception {id} approved by the change's author");
            }

            evidence.Add(new ChangeEvidence(commit.ShortId, release.Release.Name, $"{commit.AuthorName} <{commit.AuthorEmail}>", commit.Subject, ticket, approval, signature, gaps));
        }

        return evidence;
    }

    /// <summary>
    /// The exception records a commit added or changed in <paramref name="files"/> whose approver is the commit's
    /// author; records the commit left as they were are not its doing.
    /// </summary>
    private static IEnumerable<string> SelfApprovedRecords(GitHistory history, GitCommitRecord commit, IEnumerable<string> files)
    {
        foreach (var file in files)
        {
            var before = Records(history, commit.Parents.Count == 0 ? null : commit.Parents[0], file)
                .Where(r => r.Id is not null)
                .GroupBy(r => r.Id!)
                .ToDictionary(g => g.Key, g => Summary(g.First()), StringComparer.Ordinal);
            foreach (var record in Records(history, commit.Id, file))
            {
                if (record.Id is not null && record.Approver is not null && SamePerson(record.Approver, commit)
                    && (!before.TryGetValue(record.Id, out var previous) || previous != Summary(record)))
                {
                    yield return record.Id;
                }
            }
        }
    }

    private static List<ExceptionRecord> Records(GitHistory history, string? commit, string file)
    {
        var records = new List<ExceptionRecord>();
        var bytes = commit is null ? null : history.FileAt(commit, file);
        if (bytes is not null)
        {
            ExceptionFileReader.Read(ManifestSource.FromBytes(file, bytes), LoaderLimits.Default, records, new List<ExceptionProblem>());
        }

        return records;
    }

    /// <summary>What a record grants, so a change to any of it counts as the commit's own approval.</summary>
    private static string Summary(ExceptionRecord record) => string.Join(
        "\u001f",
        string.Join(",", record.Rules.Select(r => r.Text)),
        record.Scope?.ToString() ?? string.Empty,
        record.Owner,
        record.Approver,
        record.Ticket,
        record.Created?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        record.Expires?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        record.Justification);

    private static bool IsGoverned(string path) =>
        path == PolicyConfig.FileName
        || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".conf", StringComparison.OrdinalIgnoreCase);

    private static bool IsReviewedMerge(GitCommitRecord merge) =>
        merge.Parents.Count > 1 && (ReviewedMerge.IsMatch(merge.Subject) || HasApprovalTrailer(merge));

    private static bool HasApprovalTrailer(GitCommitRecord commit) =>
        commit.Trailers.Any(t => (t.Key.Equals("Approved-by", StringComparison.OrdinalIgnoreCase) || t.Key.Equals("Reviewed-by", StringComparison.OrdinalIgnoreCase)) && t.Value.Length > 0);

    private static bool SamePerson(string approver, GitCommitRecord commit) =>
        approver.IndexOf(commit.AuthorEmail, StringComparison.OrdinalIgnoreCase) >= 0
        || approver.Trim().Equals(commit.AuthorName, StringComparison.OrdinalIgnoreCase)
        || approver.StartsWith(commit.AuthorName + " <", StringComparison.OrdinalIgnoreCase);
}
