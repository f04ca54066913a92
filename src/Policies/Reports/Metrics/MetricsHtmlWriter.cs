using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using PolicyKit.Policies.Metrics;
using static PolicyKit.Policies.Reports.Metrics.MetricsFormat;

namespace PolicyKit.Policies.Reports.Metrics;

/// <summary>
/// The metrics as one self-contained HTML page for auditors: inline CSS and SVG only (no script, font or image from
/// anywhere), a trend chart per metric, the lists behind each number, and print rules for A4.
/// </summary>
public static class MetricsHtmlWriter
{
    private const string Style = """
        @page { size: A4; margin: 15mm; }
        body { font: 10pt/1.4 system-ui, sans-serif; color: #111; max-width: 190mm; margin: auto; }
        h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 1.5em; border-bottom: 1px solid #999; }
        table { border-collapse: collapse; width: 100%; margin: .5em 0; } th, td { border: 1px solid #bbb; padding: 2px 4px; text-align: left; }
        td.n { text-align: right; } .chart { break-inside: avoid; } svg { width: 100%; height: auto; }
        svg .axis { stroke: #555; } svg .line { fill: none; stroke: #1f5fa8; stroke-width: 2; } svg circle { fill: #1f5fa8; } svg .tick { font-size: 9px; fill: #333; }
        .fail { color: #a00; font-weight: bold; } @media print { h2 { break-after: avoid; } tr { break-inside: avoid; } }
        """;

    public static string Write(MetricsReport report)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Governance metrics: ").Append(E(report.Repository)).Append("</title>\n<style>\n")
            .Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>Governance metrics: ").Append(E(report.Repository)).Append("</h1>\n<p>Releases: ").Append(E(report.Selection)).Append("; ").Append(report.Releases.Count).Append(" release(s)");
        if (report.Releases.Count > 0)
        {
            html.Append(" from ").Append(Day(report.Releases[0].Release.Time)).Append(" to ").Append(Day(report.Releases[^1].Release.Time));
        }

        html.Append(".</p>\n<table>\n<tr><th>measure</th><th>value</th></tr>\n");
        Row(html, "failed releases", $"{report.FailedReleases} ({Percent(report.FailedReleaseRatio)})");
        Row(html, "deployments per week", Number(report.DeploymentsPerWeek));
        Row(html, "median lead time (days)", Number(report.MedianLeadTimeDays));
        Row(html, "change failure rate", Percent(report.ChangeFailureRate));
        Row(html, "median time to restore (days)", Number(report.MedianTimeToRestoreDays));
        Row(html, "privileged-access changes", report.AccessChanges.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Row(html, "audit-trail completeness", $"{report.CompleteChanges} of {report.Changes} ({Percent(report.AuditCompleteness)})");
        if (report.GateRuns is { } runs)
        {
            Row(html, "failed gate runs", $"{runs.Failed} of {runs.Runs}");
        }

        html.Append("</table>\n");

        var names = report.Releases.Select(r => r.Release.Name).ToList();
        Chart(html, "Findings per 100 resources", names, report.Releases.Select(r => r.Violations[^1].Per100Resources).ToList());
        Chart(html, "Blocking findings", names, report.Releases.Select(r => (double?)r.Violations[^1].Blocking).ToList());
        Chart(html, "Privileged-access changes", names, report.Releases.Select(r => (double?)r.Access[^1].Count).ToList());
        Chart(html, "Secrets rotated within policy (share)", names, report.Releases.Select(r => r.Rotation[^1].Ratio).ToList());
        Chart(html, "Exceptions in force", names, report.Releases.Select(r => (double?)r.Exceptions.Active).ToList());
        Chart(html, "Images pinned by digest", names, report.Releases.Select(r => (double?)r.Provenance[^1].Pinned).ToList());
        Chart(html, "Images signed by an allowed signer (share of measured)", names, report.Releases.Select(r => r.Provenance[^1].SignedRatio).ToList());
        Chart(html, "Open vulnerability exposure windows", names, report.Releases.Select(r => (double?)r.OpenExposureWindows).ToList());
        Chart(html, "Complete changes (share)", names, report.Releases.Select(r => r.Changes.Count == 0 ? null : (double?)r.Changes.Count(c => c.Complete) / r.Changes.Count).ToList());
        Chart(html, "Median lead time (days)", names, report.Releases.Select(r => r.Delivery.MedianLeadTimeDays).ToList());

        html.Append("<h2>Releases</h2>\n<table>\n<tr><th>release</th><th>date</th><th>verdict</th><th>findings</th><th>blocking</th><th>new</th><th>fixed</th><th>access changes</th><th>secrets rotated</th><th>exceptions</th><th>pinned</th><th>signed</th><th>SLSA provenance</th><th>failed</th></tr>\n");
        foreach (var release in report.Releases)
        {
            var all = release.Violations[^1];
            html.Append("<tr><td>").Append(E(release.Release.Name)).Append("</td><td>").Append(Day(release.Release.Time)).Append("</td><td")
                .Append(release.Verdict == "pass" ? ">" : " class=\"fail\">").Append(release.Verdict).Append("</td>");
            Cells(html, all.Findings, all.Blocking, all.New.Count, all.Fixed.Count, release.Access[^1].Count);
            html.Append("<td class=\"n\">").Append(release.Rotation[^1].Compliant).Append('/').Append(release.Rotation[^1].Secrets).Append("</td>");
            Cells(html, release.Exceptions.Active);
            html.Append("<td class=\"n\">").Append(release.Provenance[^1].Pinned).Append('/').Append(release.Provenance[^1].Images).Append("</td><td>")
                .Append(E(ProvenanceCount(release.Provenance[^1], release.Provenance[^1].Signed, release.Provenance[^1].SignedRatio))).Append("</td><td>")
                .Append(E(ProvenanceCount(release.Provenance[^1], release.Provenance[^1].WithSlsaProvenance, release.Provenance[^1].SlsaRatio))).Append("</td><td>")
                .Append(release.Delivery.Failed ? E($"{release.Delivery.FailureReason}, restored by {release.Delivery.RestoredBy}") : "no").Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>New findings by release</h2>\n");
        foreach (var release in report.Releases.Where(r => r.Violations[^1].New.Count > 0))
        {
            html.Append("<h3>").Append(E(release.Release.Name)).Append("</h3>\n<ul>\n");
            foreach (var finding in release.Violations[^1].New)
            {
                html.Append("<li>").Append(E($"{finding.RuleId} {finding.File}:{finding.Line} {finding.Message}")).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("<h2>Privileged-access changes by release</h2>\n");
        foreach (var release in report.Releases.Where(r => r.Access[^1].Count > 0))
        {
            html.Append("<h3>").Append(E(release.Release.Name)).Append("</h3>\n<table>\n<tr><th>environment</th><th>area</th><th>change</th><th>before</th><th>after</th><th>location</th></tr>\n");
            foreach (var fact in release.Access[^1].Changes)
            {
                var change = fact.Change;
                html.Append("<tr><td>").Append(E(fact.Environment)).Append("</td><td>").Append(ChangeJson.Name(change.Area)).Append("</td><td>").Append(E(change.Description))
                    .Append("</td><td>").Append(E(change.Before)).Append("</td><td>").Append(E(change.After)).Append("</td><td>")
                    .Append(E($"{change.File}:{change.Line}:{change.Column}")).Append("</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        html.Append("<h2>Vulnerability exposure windows</h2>\n<table>\n<tr><th>severity</th><th>open</th><th>closed</th><th>median closed (days)</th><th>p90 closed (days)</th><th>limit (days)</th><th>breaches</th></tr>\n");
        foreach (var summary in report.ExposureBySeverity)
        {
            html.Append("<tr><td>").Append(summary.Severity).Append("</td>");
            Cells(html, summary.Open, summary.Closed, summary.MedianClosedDays, summary.P90ClosedDays, summary.LimitDays, summary.Breaches);
            html.Append("</tr>\n");
        }

        html.Append("</table>\n<table>\n<tr><th>image</th><th>vulnerability</th><th>severity</th><th>from</th><th>to</th><th>days</th></tr>\n");
        foreach (var window in report.ExposureWindows)
        {
            html.Append("<tr><td>").Append(E(window.Repository)).Append("</td><td>").Append(E(window.VulnerabilityId)).Append("</td><td>").Append(E(window.Severity))
                .Append("</td><td>").Append(Day(window.Start)).Append(window.StartSource == "published" ? " (published)" : string.Empty)
                .Append("</td><td>").Append(window.ClosedBy is null ? "open" : E(window.ClosedBy) + " " + Day(window.End)).Append("</td><td class=\"n")
                .Append(window.Breach ? " fail" : string.Empty).Append("\">").Append(Number(window.Days)).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Audit-trail gaps</h2>\n<table>\n<tr><th>commit</th><th>release</th><th>author</th><th>subject</th><th>missing</th></tr>\n");
        foreach (var change in report.Releases.SelectMany(r => r.Changes.Where(c => !c.Complete)))
        {
            html.Append("<tr><td>").Append(change.Commit).Append("</td><td>").Append(E(change.Release)).Append("</td><td>").Append(E(change.Author)).Append("</td><td>")
                .Append(E(change.Subject)).Append("</td><td>").Append(E(string.Join("; ", change.Gaps))).Append("</td></tr>\n");
        }

        html.Append("</table>\n<h2>Secrets overdue for rotation (last release)</h2>\n<ul>\n");
        foreach (var item in report.Releases.Count == 0 ? new List<Secrets.SecretRotationItem>() : report.Releases[^1].Rotation[^1].Overdue.ToList())
        {
            html.Append("<li>").Append(E($"{item.Kind} {item.Namespace}/{item.Name} ({item.File}:{item.Line}): {item.Reason}")).Append("</li>\n");
        }

        html.Append("</ul>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Chart(StringBuilder html, string title, IReadOnlyList<string> releases, IReadOnlyList<double?> values)
    {
        html.Append("<div class=\"chart\"><h2>").Append(E(title)).Append("</h2>\n").Append(TrendChart.Svg(title, releases, values)).Append("\n</div>\n");
    }

    private static void Row(StringBuilder html, string name, string value) =>
        html.Append("<tr><td>").Append(E(name)).Append("</td><td class=\"n\">").Append(E(value)).Append("</td></tr>\n");

    private static void Cells(StringBuilder html, params double?[] values)
    {
        foreach (var value in values)
        {
            html.Append("<td class=\"n\">").Append(Number(value)).Append("</td>");
        }
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
