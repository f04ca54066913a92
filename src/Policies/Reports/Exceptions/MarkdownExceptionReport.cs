using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// The exception register as Markdown, for a pull request, a wiki or an audit evidence folder: a header naming the
/// policy, packs and limits, the summary, one register row per exception, then each exception in detail.
/// </summary>
public static class MarkdownExceptionReport
{
    public static void Write(ExceptionRegister register, ToolInfo tool, TextWriter output)
    {
        var md = new StringBuilder();
        md.Append("# Exception register\n\n");
        md.Append("| | |\n|---|---|\n");
        md.Append($"| As of | {UtcDates.FormatInstant(register.GeneratedAt)} (days counted in UTC days from {UtcDates.FormatDate(register.Today)}) |\n");
        md.Append($"| Tool | {tool.Name} {tool.Version} |\n");
        md.Append($"| Policy | {(register.PolicySource is null ? "built-in defaults (no policy file): no exception records apply" : Code(register.PolicySource))} |\n");
        md.Append($"| Exception records | {Folder(register)} |\n");
        md.Append($"| Maximum duration | {Text(register.Limits)}; a warning {RegisterText.Plural(register.Settings.ExpiringWithinDays, "day")} before expiry |\n");
        md.Append($"| Rule packs | {Text(string.Join(", ", register.Packs.Select(p => $"{p.Name} {p.Version} (sha256 {p.Sha256})")))} |\n");
        md.Append($"| Audit trail | {Text(register.AuditTrail.Available ? "from git (who added and who last changed each file)" : RegisterText.OrNone(register.AuditTrail.Note))} |\n");

        WriteSummary(md, register);
        WriteRegister(md, register);
        WriteDetails(md, register);
        if (register.FileProblems.Count > 0)
        {
            md.Append("\n## Problems outside records\n\n| Location | Problem |\n|---|---|\n");
            foreach (var problem in register.FileProblems)
            {
                md.Append($"| {Code(problem.Location)} | {Text(problem.Text)} |\n");
            }
        }

        output.Write(md.ToString());
    }

    private static void WriteSummary(StringBuilder md, ExceptionRegister register)
    {
        var summary = register.Summary;
        md.Append("\n## Summary\n\n");
        md.Append($"{RegisterText.Plural(summary.Total, "exception")}; {RegisterText.Plural(summary.WaivedFindings, "finding")} waived in this run.\n\n");
        md.Append("| Status | Exceptions |\n|---|---:|\n");
        foreach (var status in summary.ByStatus)
        {
            md.Append($"| {status.Key.ToName()} | {status.Value.ToString(CultureInfo.InvariantCulture)} |\n");
        }

        Counts(md, "Rule", summary.ByRule, code: true);
        Counts(md, "Owner", summary.ByOwner, code: false);
        Counts(md, "Environment", summary.ByEnvironment, code: false);
        md.Append(summary.AgedEntries == 0
            ? "\nAge: no exception has a valid creation date.\n"
            : $"\nAge: mean {RegisterText.Number(summary.MeanAgeDays)} days, maximum {RegisterText.Plural(summary.MaxAgeDays!.Value, "day")} (over {RegisterText.Plural(summary.AgedEntries, "exception")} with a valid creation date).\n");
        Counts(md, "Created in", summary.CreatedPerMonth, code: false);
    }

    private static void Counts(StringBuilder md, string heading, IReadOnlyList<KeyValuePair<string, int>> counts, bool code)
    {
        if (counts.Count == 0)
        {
            return;
        }

        md.Append($"\n| {heading} | Exceptions |\n|---|---:|\n");
        foreach (var count in counts)
        {
            md.Append($"| {(code ? Code(count.Key) : Text(count.Key))} | {count.Value.ToString(CultureInfo.InvariantCulture)} |\n");
        }
    }

    private static void WriteRegister(StringBuilder md, ExceptionRegister register)
    {
        md.Append("\n## Register\n\n");
        if (register.Entries.Count == 0)
        {
            md.Append("No exception records.\n");
            return;
        }

        md.Append("| ID | Status | Rules | Scope | Owner | Approver | Ticket | Justification | Created | Expires | Days left | Waives |\n");
        md.Append("|---|---|---|---|---|---|---|---|---|---|---:|---|\n");
        foreach (var entry in register.Entries)
        {
            var waived = entry.Waived.Count == 0 ? RegisterText.None : string.Join("<br>", entry.Waived.Select(w => Text(RegisterText.Waived(w, entry.Id))));
            md.Append('|').Append(' ').Append(Code(entry.Id))
                .Append(" | ").Append(entry.Status.ToName())
                .Append(" | ").Append(entry.Rules.Count == 0 ? RegisterText.None : string.Join(", ", entry.Rules.Select(Code)))
                .Append(" | ").Append(Text(entry.Scope))
                .Append(" | ").Append(Text(RegisterText.OrNone(entry.Owner)))
                .Append(" | ").Append(Text(RegisterText.OrNone(entry.Approver)))
                .Append(" | ").Append(Text(RegisterText.OrNone(entry.Ticket)))
                .Append(" | ").Append(Text(RegisterText.OrNone(entry.Justification)))
                .Append(" | ").Append(Text(RegisterText.OrNone(entry.Created)))
                .Append(" | ").Append(Text(RegisterText.OrNone(entry.Expires)))
                .Append(" | ").Append(RegisterText.Number(entry.DaysRemaining))
                .Append(" | ").Append(waived)
                .Append(" |\n");
        }
    }

    private static void WriteDetails(StringBuilder md, ExceptionRegister register)
    {
        if (register.Entries.Count == 0)
        {
            return;
        }

        md.Append("\n## Details\n");
        foreach (var entry in register.Entries)
        {
            md.Append($"\n### {Text(entry.Id)} ({entry.Status.ToName()})\n\n");
            md.Append($"- Record: {Code(entry.Location)}\n");
            if (entry.WaivedRuleIds.Count > 0 && !entry.WaivedRuleIds.SequenceEqual(entry.Rules))
            {
                md.Append($"- Rules waived: {string.Join(", ", entry.WaivedRuleIds.Select(Code))}\n");
            }

            md.Append($"- Age: {(entry.AgeDays is { } age ? RegisterText.Plural(age, "day") : RegisterText.None)}\n");
            if (entry.Risk is not null)
            {
                md.Append($"- Accepted risk: {Text(entry.Risk)}\n");
            }

            if (entry.CompensatingControls.Count > 0)
            {
                md.Append("- Compensating controls:\n");
                foreach (var control in entry.CompensatingControls)
                {
                    md.Append($"  - {Text(control)}\n");
                }
            }

            if (entry.Waived.Count > 0)
            {
                md.Append("- Waives:\n");
                foreach (var waived in entry.Waived)
                {
                    md.Append($"  - {waived.RuleId} ({waived.Severity}) {Text(waived.Resource)} at {Code(waived.Location)}"
                        + (waived.SuppressedBy is { } other && other != entry.Id ? $", suppressed by {Code(other)}" : string.Empty) + "\n");
                }
            }

            if (entry.Problems.Count > 0)
            {
                md.Append("- Problems:\n");
                foreach (var problem in entry.Problems)
                {
                    md.Append($"  - {Text(problem.Text)} ({Code(problem.Location)})\n");
                }
            }

            md.Append($"- History: {Text(RegisterText.History(entry.History, register.AuditTrail))}\n");
        }
    }

    private static string Folder(ExceptionRegister register)
    {
        if (register.Directory is null)
        {
            return RegisterText.None;
        }

        return Code(register.Directory) + (register.DirectoryExists ? $" ({RegisterText.Plural(register.FileCount, "file")})" : " (the folder does not exist: no exceptions)");
    }

    /// <summary>Inline code, for ids, rules and paths; a backtick inside widens the fence as CommonMark allows.</summary>
    private static string Code(string text) => text.IndexOf('`') >= 0 ? $"`` {text} ``" : $"`{text}`";

    /// <summary>Plain text in a table cell or list: no line breaks, and no character Markdown would read as syntax.</summary>
    private static string Text(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' '))
        {
            if (c is '\\' or '|' or '<' or '>' or '*' or '_' or '`' or '[' or ']' or '#')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
