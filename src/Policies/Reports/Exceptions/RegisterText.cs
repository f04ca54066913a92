using System.Globalization;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>Wording the register's text formats share, so Markdown, CSV and HTML say the same thing the same way.</summary>
internal static class RegisterText
{
    public const string None = "—";

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count.ToString(CultureInfo.InvariantCulture)} {noun}s";

    public static string OrNone(string? text) => string.IsNullOrEmpty(text) ? None : text!;

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? None;

    public static string Number(double? value) => value?.ToString("0.0", CultureInfo.InvariantCulture) ?? None;

    /// <summary><c>Maria Lopez &lt;maria@acme.example&gt; in 3f2a9c1e0b7d on 2026-11-20</c></summary>
    public static string Commit(GitCommit? commit) =>
        commit is null ? None : $"{commit.Who} in {commit.ShortHash} on {commit.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>One line on a file's history, or why there is none.</summary>
    public static string History(FileHistory? history, AuditTrail trail)
    {
        if (history is null)
        {
            return trail.Available ? "no history" : OrNone(trail.Note);
        }

        if (!history.IsCommitted)
        {
            return "not committed yet";
        }

        var text = $"added by {Commit(history.Added)}; last changed by {Commit(history.LastChanged)}";
        return history.UncommittedChanges ? text + "; the working copy has uncommitted changes" : text;
    }

    /// <summary>
    /// <c>PK1009 StatefulSet odoo-acme/redis at redis.yaml:37:17</c>, naming the other exception when an earlier record
    /// that also matches is the one the finding names as its suppression.
    /// </summary>
    public static string Waived(WaivedFinding finding, string entryId) =>
        $"{finding.RuleId} {finding.Resource} at {finding.Location}"
        + (finding.SuppressedBy is { } other && other != entryId ? $" (suppressed by {other})" : string.Empty);
}
