using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// The exception register as one self-contained HTML page: inline CSS and inline SVG charts, no script and no external
/// asset, so it can be archived as audit evidence, mailed, or printed to PDF (A4 landscape, headers repeated on each
/// page, rows never split, colours kept and every value also written as text).
/// </summary>
public static class HtmlExceptionReport
{
    private static readonly IReadOnlyDictionary<ExceptionStatus, string> StatusColors = new Dictionary<ExceptionStatus, string>
    {
        [ExceptionStatus.Active] = "#2e7d32",
        [ExceptionStatus.Expiring] = "#e69500",
        [ExceptionStatus.Expired] = "#c62828",
        [ExceptionStatus.Invalid] = "#6a1b9a",
        [ExceptionStatus.Unused] = "#757575",
    };

    private const string Style = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1f1f1f; margin: 24px auto; max-width: 1400px; padding: 0 16px; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        h1 { font-size: 24px; margin: 0 0 4px; }
        h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 2px solid #1f1f1f; padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 0 0 6px; }
        code { font-family: "SFMono-Regular", Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
        th, td { border: 1px solid #c8c8c8; padding: 4px 6px; text-align: left; vertical-align: top; }
        th { background: #eeeeee; font-weight: 600; }
        td.num, th.num { text-align: right; }
        td.num { white-space: nowrap; }
        table.facts { width: auto; }
        table.facts th { width: 170px; }
        .charts { display: flex; flex-wrap: wrap; gap: 24px; }
        figure { margin: 0; }
        figcaption { font-weight: 600; margin-bottom: 4px; }
        .counts table { display: inline-table; width: auto; min-width: 200px; vertical-align: top; margin-right: 24px; }
        .status { display: inline-block; padding: 1px 0.6em; border-radius: 0.8em; color: #ffffff; font-size: 0.85em; font-weight: 600; white-space: nowrap; }
        table.register { font-size: 12px; table-layout: fixed; }
        table.register td { overflow-wrap: anywhere; }
        article { border: 1px solid #c8c8c8; border-left-width: 6px; padding: 8px 12px; margin: 0 0 12px; }
        article dl { display: grid; grid-template-columns: 190px 1fr; gap: 2px 12px; margin: 0; }
        article dt { font-weight: 600; }
        article dd { margin: 0; }
        ul { margin: 0; padding-left: 18px; }
        .note { color: #555555; }
        footer { margin-top: 32px; font-size: 12px; color: #555555; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          body { margin: 0; max-width: none; font-size: 10pt; }
          table.register { font-size: 8pt; }
          thead { display: table-header-group; }
          tr, article, figure, .counts table { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    /// <summary>Percent widths of the register's columns, tuned so the table fits an A4 landscape page and a wide screen alike.</summary>
    private static readonly int[] RegisterColumnWidths = { 8, 6, 5, 13, 9, 9, 5, 14, 7, 7, 4, 13 };

    public static void Write(ExceptionRegister register, ToolInfo tool, TextWriter output)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append($"<title>Exception register as of {UtcDates.FormatDate(register.Today)}</title>\n");
        html.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        html.Append("<header>\n<h1>Exception register</h1>\n");
        html.Append($"<p class=\"note\">As of {UtcDates.FormatInstant(register.GeneratedAt)}; days are counted in UTC days from {UtcDates.FormatDate(register.Today)}.</p>\n</header>\n");
        WriteFacts(html, register, tool);
        WriteSummary(html, register);
        WriteRegister(html, register);
        WriteDetails(html, register);
        if (register.FileProblems.Count > 0)
        {
            html.Append("<section id=\"file-problems\">\n<h2>Problems outside records</h2>\n<table>\n<thead><tr><th>Location</th><th>Problem</th></tr></thead>\n<tbody>\n");
            foreach (var problem in register.FileProblems)
            {
                html.Append($"<tr><td><code>{Html.Encode(problem.Location)}</code></td><td>{Html.Encode(problem.Text)}</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        html.Append($"<footer>Written by {Html.Encode(tool.Name)} {Html.Encode(tool.Version)} from the exception records and the findings of the same run.</footer>\n");
        html.Append("</body>\n</html>\n");
        output.Write(html.ToString());
    }

    private static void WriteFacts(StringBuilder html, ExceptionRegister register, ToolInfo tool)
    {
        html.Append("<table class=\"facts\">\n<tbody>\n");
        Fact(html, "Policy", register.PolicySource is null ? Html.Encode("built-in defaults (no policy file): no exception records apply") : Code(register.PolicySource));
        Fact(html, "Exception records", register.Directory is null
            ? RegisterText.None
            : Code(register.Directory) + Html.Encode(register.DirectoryExists ? $" ({RegisterText.Plural(register.FileCount, "file")})" : " (the folder does not exist: no exceptions)"));
        Fact(html, "Maximum duration", Html.Encode($"{register.Limits}; a warning {RegisterText.Plural(register.Settings.ExpiringWithinDays, "day")} before expiry"));
        Fact(html, "Rule packs", string.Join(", ", register.Packs.Select(p => $"{Html.Encode(p.Name)} {Html.Encode(p.Version.ToString())} <code>sha256 {Html.Encode(p.Sha256)}</code>")));
        Fact(html, "Audit trail", Html.Encode(register.AuditTrail.Available ? "from git (who added and who last changed each file)" : RegisterText.OrNone(register.AuditTrail.Note)));
        Fact(html, "Tool", Html.Encode($"{tool.Name} {tool.Version}"));
        html.Append("</tbody>\n</table>\n");
    }

    private static void Fact(StringBuilder html, string name, string valueHtml) =>
        html.Append($"<tr><th>{Html.Encode(name)}</th><td>{valueHtml}</td></tr>\n");

    private static void WriteSummary(StringBuilder html, ExceptionRegister register)
    {
        var summary = register.Summary;
        html.Append("<section id=\"summary\">\n<h2>Summary</h2>\n");
        html.Append($"<p>{Html.Encode(RegisterText.Plural(summary.Total, "exception"))}; {Html.Encode(RegisterText.Plural(summary.WaivedFindings, "finding"))} waived in this run. ");
        html.Append(Html.Encode(summary.AgedEntries == 0
            ? "No exception has a valid creation date."
            : $"Age: mean {RegisterText.Number(summary.MeanAgeDays)} days, maximum {RegisterText.Plural(summary.MaxAgeDays!.Value, "day")}."));
        html.Append("</p>\n<div class=\"charts\">\n");
        html.Append("<figure>\n<figcaption>Exceptions by status</figcaption>\n");
        html.Append(SvgBarChart.Render("Exceptions by status", summary.ByStatus.Select(s => (s.Key.ToName(), s.Value, StatusColors[s.Key])).ToList()));
        html.Append("\n</figure>\n<figure>\n<figcaption>Exceptions by age</figcaption>\n");
        html.Append(SvgBarChart.Render("Exceptions by age", summary.ByAge.Select(a => (a.Key, a.Value, "#1565c0")).ToList()));
        html.Append("\n</figure>\n</div>\n<div class=\"counts\">\n");
        Counts(html, "Rule", summary.ByRule);
        Counts(html, "Owner", summary.ByOwner);
        Counts(html, "Environment", summary.ByEnvironment);
        Counts(html, "Created in", summary.CreatedPerMonth);
        html.Append("</div>\n</section>\n");
    }

    private static void Counts(StringBuilder html, string heading, IReadOnlyList<KeyValuePair<string, int>> counts)
    {
        html.Append($"<table>\n<thead><tr><th>{Html.Encode(heading)}</th><th class=\"num\">Exceptions</th></tr></thead>\n<tbody>\n");
        if (counts.Count == 0)
        {
            html.Append($"<tr><td>{RegisterText.None}</td><td class=\"num\">0</td></tr>\n");
        }

        foreach (var count in counts)
        {
            html.Append($"<tr><td>{Html.Encode(count.Key)}</td><td class=\"num\">{count.Value.ToString(CultureInfo.InvariantCulture)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void WriteRegister(StringBuilder html, ExceptionRegister register)
    {
        html.Append("<section id=\"register\">\n<h2>Register</h2>\n");
        if (register.Entries.Count == 0)
        {
            html.Append("<p>No exception records.</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"register\">\n<colgroup>");
        foreach (var width in RegisterColumnWidths)
        {
            html.Append($"<col style=\"width: {Number(width)}%\">");
        }

        html.Append("</colgroup>\n<thead><tr><th>ID</th><th>Status</th><th>Rules</th><th>Scope</th><th>Owner</th><th>Approver</th><th>Ticket</th><th>Justification</th><th>Created</th><th>Expires</th><th class=\"num\">Days left</th><th>Waives</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < register.Entries.Count; i++)
        {
            var entry = register.Entries[i];
            html.Append("<tr>");
            html.Append($"<td><a href=\"#exception-{Number(i + 1)}\"><code>{Html.Encode(entry.Id)}</code></a></td>");
            html.Append($"<td>{Badge(entry.Status)}</td>");
            html.Append($"<td>{(entry.Rules.Count == 0 ? RegisterText.None : string.Join(", ", entry.Rules.Select(Code)))}</td>");
            html.Append($"<td>{Html.Encode(entry.Scope)}</td>");
            html.Append($"<td>{Html.Encode(RegisterText.OrNone(entry.Owner))}</td>");
            html.Append($"<td>{Html.Encode(RegisterText.OrNone(entry.Approver))}</td>");
            html.Append($"<td>{Html.Encode(RegisterText.OrNone(entry.Ticket))}</td>");
            html.Append($"<td>{Html.Encode(RegisterText.OrNone(entry.Justification))}</td>");
            html.Append($"<td>{Html.Encode(RegisterText.OrNone(entry.Created))}</td>");
            html.Append($"<td>{Html.Encode(RegisterText.OrNone(entry.Expires))}</td>");
            html.Append($"<td class=\"num\">{RegisterText.Number(entry.DaysRemaining)}</td>");
            html.Append("<td>").Append(entry.Waived.Count == 0
                ? RegisterText.None
                : string.Join("<br>", entry.Waived.Select(w => Html.Encode(RegisterText.Waived(w, entry.Id))))).Append("</td>");
            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteDetails(StringBuilder html, ExceptionRegister register)
    {
        if (register.Entries.Count == 0)
        {
            return;
        }

        html.Append("<section id=\"details\">\n<h2>Details</h2>\n");
        for (var i = 0; i < register.Entries.Count; i++)
        {
            var entry = register.Entries[i];
            html.Append($"<article id=\"exception-{Number(i + 1)}\" style=\"border-left-color: {StatusColors[entry.Status]}\">\n");
            html.Append($"<h3><code>{Html.Encode(entry.Id)}</code> {Badge(entry.Status)}</h3>\n<dl>\n");
            Item(html, "Record", Code(entry.Location));
            Item(html, "Rules", entry.Rules.Count == 0 ? RegisterText.None : string.Join(", ", entry.Rules.Select(Code))
                + (entry.WaivedRuleIds.Count > 0 && !entry.WaivedRuleIds.SequenceEqual(entry.Rules) ? Html.Encode(" (waives ") + string.Join(", ", entry.WaivedRuleIds.Select(Code)) + ")" : string.Empty));
            Item(html, "Scope", Html.Encode(entry.Scope));
            Item(html, "Owner / approver", Html.Encode($"{RegisterText.OrNone(entry.Owner)} / {RegisterText.OrNone(entry.Approver)}"));
            Item(html, "Ticket", Html.Encode(RegisterText.OrNone(entry.Ticket)));
            Item(html, "Justification", Html.Encode(RegisterText.OrNone(entry.Justification)));
            if (entry.Risk is not null)
            {
                Item(html, "Accepted risk", Html.Encode(entry.Risk));
            }

            if (entry.CompensatingControls.Count > 0)
            {
                Item(html, "Compensating controls", List(entry.CompensatingControls.Select(Html.Encode)));
            }

            Item(html, "Created / expires", Html.Encode($"{RegisterText.OrNone(entry.Created)} / {RegisterText.OrNone(entry.Expires)}"
                + (entry.DaysRemaining is { } days ? $" ({(days < 0 ? $"expired {RegisterText.Plural(-days, "day")} ago" : $"{RegisterText.Plural(days, "day")} left")})" : string.Empty)
                + (entry.AgeDays is { } age ? $"; age {RegisterText.Plural(age, "day")}" : string.Empty)));
            if (entry.Waived.Count > 0)
            {
                Item(html, "Waives", List(entry.Waived.Select(w =>
                    $"{Html.Encode($"{w.RuleId} ({w.Severity}) {w.Resource} at ")}<code>{Html.Encode(w.Location)}</code>"
                    + (w.SuppressedBy is { } other && other != entry.Id ? Html.Encode($", suppressed by {other}") : string.Empty))));
            }

            if (entry.Problems.Count > 0)
            {
                Item(html, "Problems", List(entry.Problems.Select(p => $"{Html.Encode(p.Text)} (<code>{Html.Encode(p.Location)}</code>)")));
            }

            Item(html, "History", Html.Encode(RegisterText.History(entry.History, register.AuditTrail)));
            html.Append("</dl>\n</article>\n");
        }

        html.Append("</section>\n");
    }

    private static void Item(StringBuilder html, string name, string valueHtml) =>
        html.Append($"<dt>{Html.Encode(name)}</dt><dd>{valueHtml}</dd>\n");

    private static string List(IEnumerable<string> itemsHtml) => "<ul>" + string.Concat(itemsHtml.Select(i => $"<li>{i}</li>")) + "</ul>";

    private static string Badge(ExceptionStatus status) =>
        $"<span class=\"status\" style=\"background: {StatusColors[status]}\">{status.ToName()}</span>";

    private static string Code(string text) => $"<code>{Html.Encode(text)}</code>";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
