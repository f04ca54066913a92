using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// The exception register as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break, quotes doubled), one row per exception, for spreadsheets and GRC tools. Multi-valued cells
/// (rules, waived findings, problems) are joined with "; ". Text that a spreadsheet would run as a formula (starting
/// with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) is prefixed with an apostrophe (OWASP CSV
/// injection advice); number columns are left as numbers.
/// </summary>
public static class CsvExceptionReport
{
    public static readonly IReadOnlyList<string> Columns = new[]
    {
        "id", "status", "rules", "scope", "owner", "approver", "ticket", "justification", "risk", "compensating_controls",
        "created", "expires", "days_remaining", "age_days", "file", "line", "waived_findings", "problems",
        "added_by", "added_commit", "added_date", "last_changed_by", "last_changed_commit", "last_changed_date", "uncommitted_changes",
    };

    public static void Write(ExceptionRegister register, TextWriter output)
    {
        var csv = new StringBuilder();
        Row(csv, Columns.Select(Text));
        foreach (var entry in register.Entries)
        {
            var history = entry.History;
            Row(csv, new[]
            {
                Text(entry.Id),
                Text(entry.Status.ToName()),
                Text(string.Join("; ", entry.Rules)),
                Text(entry.ScopeParts.Count == 0 ? string.Empty : entry.Scope),
                Text(entry.Owner),
                Text(entry.Approver),
                Text(entry.Ticket),
                Text(entry.Justification),
                Text(entry.Risk),
                Text(string.Join("; ", entry.CompensatingControls)),
                Text(entry.Created),
                Text(entry.Expires),
                Number(entry.DaysRemaining),
                Number(entry.AgeDays),
                Text(entry.File),
                Number(entry.Line),
                Text(string.Join("; ", entry.Waived.Select(w => RegisterText.Waived(w, entry.Id)))),
                Text(string.Join("; ", entry.Problems.Select(p => $"{p.Text} ({p.Location})"))),
                Text(history?.Added?.Who),
                Text(history?.Added?.Hash),
                Text(Date(history?.Added)),
                Text(history?.LastChanged?.Who),
                Text(history?.LastChanged?.Hash),
                Text(Date(history?.LastChanged)),
                Text(history is null ? null : history.UncommittedChanges ? "yes" : "no"),
            });
        }

        output.Write(csv.ToString());
    }

    private static void Row(StringBuilder csv, IEnumerable<string> cells)
    {
        csv.Append(string.Join(",", cells)).Append("\r\n");
    }

    private static string Date(GitCommit? commit) => commit?.Date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A text cell: neutralised against formula execution, then quoted when RFC 4180 requires it.</summary>
    internal static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var text = value!;
        if (text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0
            ? "\"" + text.Replace("\"", "\"\"") + "\""
            : text;
    }
}
