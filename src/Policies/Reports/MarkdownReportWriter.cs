using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Diff.Access;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports;

/// <summary>
/// A Markdown report for a pull-request comment or <c>$GITHUB_STEP_SUMMARY</c>: the verdict first, then what a reviewer
/// acts on — new blocking findings, privileged-access changes, governance changes — then progress (fixed findings) and
/// the exceptions in use. Long lists are collapsed and capped so the page stays within a comment's size.
/// </summary>
public static class MarkdownReportWriter
{
    /// <summary>Rows shown before the rest of a list is folded into a collapsible block.</summary>
    public const int VisibleRows = 10;

    /// <summary>Rows written at most per list; the JSON and SARIF reports hold the rest.</summary>
    public const int MaxRows = 100;

    public static void Write(EvaluationResult result, ChangeReview? review, TextWriter writer)
    {
        var passed = review?.Passed ?? result.Passed;
        writer.WriteLine($"## PolicyKit: {(passed ? "✅ PASS" : "❌ FAIL")}");
        writer.WriteLine();
        if (review is null)
        {
            WriteTreeSummary(result, writer);
            Section(writer, "Blocking findings", result.Findings.Where(f => f.Blocking).ToList(), FindingHeader, FindingRow);
            Section(writer, "Other findings", result.Findings.Where(f => !f.Blocking && !f.Suppressed).ToList(), FindingHeader, FindingRow, collapsed: true);
        }
        else
        {
            WriteChangeSummary(review, writer);
            var failing = review.Failing.Where(f => f.Category != Categories.Governance).ToList();
            Section(writer, review.FailOnExisting ? "Blocking findings" : "New blocking findings", failing, FindingHeader, FindingRow);
            Section(writer, "Privileged-access changes", review.AccessChanges, AccessHeader, AccessRow);
            Section(writer, "Governance changes", review.GovernanceFindings.ToList(), GovernanceHeader, GovernanceRow);
            Section(writer, "Fixed findings", review.Findings.Fixed, FixedHeader, FixedRow, collapsed: true);
            Section(writer, "Other new findings", review.Findings.New.Where(f => !f.Blocking && f.Category != Categories.Governance).ToList(), FindingHeader, FindingRow, collapsed: true);
        }

        var used = result.Exceptions.Outcomes.Where(o => o.Waived.Count > 0 || o.Status == ExceptionStatus.Expiring).ToList();
        Section(writer, "Exceptions used and expiring", used, ExceptionHeader, ExceptionRow);

        var packs = string.Join(", ", result.Packs.Select(p => $"{p.Name} {p.Version} (sha256 `{p.Sha256.Substring(0, 12)}`)"));
        writer.WriteLine($"<sub>Judged by {MarkdownText.Cell(result.Config.SourcePath ?? "the built-in defaults")} with {packs} · {Plural(result.FilesScanned, "file")}, {Plural(result.ResourcesEvaluated, "resource")}, {Plural(result.Rules.Count, "rule")} · as of {UtcDates.FormatDate(UtcDates.Today(result.EvaluatedAt))}</sub>");
    }

    private static void WriteTreeSummary(EvaluationResult result, TextWriter writer)
    {
        writer.WriteLine($"**{Plural(result.BlockingCount, "blocking finding")}** of {Plural(result.Findings.Count, "finding")} ({Plural(result.SuppressedCount, "suppressed by an exception", "suppressed by exceptions")}).");
        writer.WriteLine();
    }

    private static void WriteChangeSummary(ChangeReview review, TextWriter writer)
    {
        var findings = review.Findings;
        var failing = review.Failing.Count();
        var policy = review.Policy switch
        {
            PolicySide.Base => "the base's policy",
            PolicySide.Head => "the head's own policy (`--policy head`: its governance changes were approved separately)",
            _ => "the policy in the working tree",
        };
        var basis = review.Basis.BaselineFile is { } baseline
            ? $"the baseline report {MarkdownText.Code(baseline)}"
            : $"base {MarkdownText.Code(review.Basis.Revision!)} ({MarkdownText.Code(review.Basis.Commit!.Substring(0, 12))})";
        var verdict = failing == 0
            ? (review.FailOnExisting ? "No blocking findings" : "No new blocking findings")
            : review.FailOnExisting ? Plural(failing, "blocking finding") : Plural(failing, "new blocking finding");
        var governance = review.Failing.Count(f => f.Category == Categories.Governance);
        var ofWhich = governance == 0 ? string.Empty : $" ({governance} of them {(governance == 1 ? "a governance change" : "governance changes")})";
        writer.WriteLine($"**{verdict}**{ofWhich} against {basis}, judged by {policy}.");
        writer.WriteLine();
        writer.WriteLine("| | |");
        writer.WriteLine("|---|---:|");
        writer.WriteLine($"| New findings | {findings.New.Count} ({findings.NewBlocking.Count()} blocking) |");
        writer.WriteLine($"| Existing findings | {findings.Existing.Count} ({findings.Existing.Count(f => f.Blocking)} blocking{(review.FailOnExisting ? string.Empty : ", not charged to this change")}) |");
        writer.WriteLine($"| Fixed findings | {findings.Fixed.Count} |");
        writer.WriteLine($"| Privileged-access changes | {review.AccessChanges.Count} |");
        writer.WriteLine($"| Governance changes | {review.GovernanceFindings.Count()} |");
        writer.WriteLine();
    }

    private static void Section<T>(TextWriter writer, string title, IReadOnlyList<T> items, string header, Func<T, string> row, bool collapsed = false)
    {
        if (items.Count == 0)
        {
            return;
        }

        writer.WriteLine($"### {title} ({items.Count})");
        writer.WriteLine();
        var shown = collapsed ? 0 : Math.Min(VisibleRows, items.Count);
        if (shown > 0)
        {
            writer.WriteLine(header);
            foreach (var item in items.Take(shown))
            {
                writer.WriteLine(row(item));
            }

            writer.WriteLine();
        }

        var rest = Math.Min(items.Count, MaxRows) - shown;
        if (rest > 0)
        {
            writer.WriteLine($"<details><summary>{(shown == 0 ? "Show" : "Show " + rest + " more")} ({rest})</summary>");
            writer.WriteLine();
            writer.WriteLine(header);
            foreach (var item in items.Skip(shown).Take(rest))
            {
                writer.WriteLine(row(item));
            }

            writer.WriteLine();
            writer.WriteLine("</details>");
            writer.WriteLine();
        }

        if (items.Count > MaxRows)
        {
            writer.WriteLine($"…and {items.Count - MaxRows} more in the JSON or SARIF report.");
            writer.WriteLine();
        }
    }

    private const string FindingHeader = "| Severity | Rule | Location | Finding |\n|---|---|---|---|";

    private static string FindingRow(Finding finding) =>
        $"| {finding.Severity.ToName()} | [{finding.RuleId}]({finding.Rule.HelpUri}) | {MarkdownText.Code($"{finding.File}:{finding.Line}:{finding.Column}")} | {MarkdownText.Cell(finding.Message)}{(finding.Suppression is { } s ? $" (suppressed by {MarkdownText.Cell(s.ExceptionId)})" : string.Empty)} |";

    private const string AccessHeader = "| Area | Change | Before | After | Location |\n|---|---|---|---|---|";

    private static string AccessRow(AccessChange change) =>
        $"| {ChangeJson.Name(change.Area)} | {MarkdownText.Cell(change.Description)} | {MarkdownText.Cell(change.Before)} | {MarkdownText.Cell(change.After)} | {MarkdownText.Code($"{change.File}:{change.Line}:{change.Column}")}{(change.Removed ? " (base)" : string.Empty)} |";

    private const string GovernanceHeader = "| Rule | Location | Change | Blocks |\n|---|---|---|---|";

    private static string GovernanceRow(Finding finding) =>
        $"| [{finding.RuleId}]({finding.Rule.HelpUri}) | {MarkdownText.Code($"{finding.File}:{finding.Line}:{finding.Column}")} | {MarkdownText.Cell(finding.Message)} | {(finding.Blocking ? "yes" : "no")} |";

    private const string FixedHeader = "| Severity | Rule | Was at | Finding |\n|---|---|---|---|";

    private static string FixedRow(RecordedFinding finding) =>
        $"| {finding.Severity} | {finding.RuleId} | {MarkdownText.Code($"{finding.File}:{finding.Line}:{finding.Column}")} | {MarkdownText.Cell(finding.Message)} |";

    private const string ExceptionHeader = "| Exception | Status | Expires | Waives | Owner |\n|---|---|---|---|---|";

    private static string ExceptionRow(ExceptionOutcome outcome)
    {
        var record = outcome.Record;
        var expires = record.Expires is { } date ? UtcDates.FormatDate(date) + (outcome.DaysRemaining is { } days ? $" ({Plural(days, "day")} left)" : string.Empty) : "—";
        return $"| {MarkdownText.Cell(record.DisplayName)} | {outcome.Status.ToName()} | {expires} | {Plural(outcome.Waived.Count, "finding")} | {MarkdownText.Cell(record.Owner ?? "—")} |";
    }

    private static string Plural(int count, string noun, string? plural = null) =>
        count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";
}
