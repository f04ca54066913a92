using System.Linq;
using System.Text;
using PolicyKit.Policies.Metrics;
using static PolicyKit.Policies.Reports.Metrics.MetricsFormat;

namespace PolicyKit.Policies.Reports.Metrics;

/// <summary>The metrics as Markdown for a pull request or a wiki page: the period first, then a row per release, then the lists.</summary>
public static class MetricsMarkdownWriter
{
    public static string Write(MetricsReport report)
    {
        var text = new StringBuilder();
        text.Append("# Governance metrics: ").Append(Cell(report.Repository)).Append("\n\n");
        text.Append("Releases: ").Append(report.Selection).Append(" — ").Append(report.Releases.Count).Append(" release(s)");
        if (report.Releases.Count > 0)
        {
            text.Append(", ").Append(Day(report.Releases[0].Release.Time)).Append(" to ").Append(Day(report.Releases[^1].Release.Time));
        }

        text.Append(report.Environments.Count > 0 ? ", environments " + string.Join(", ", report.Environments) : string.Empty).Append(".\n\n");
        text.Append("| measure | value |\n|---|---|\n");
        text.Append("| failed releases | ").Append(report.FailedReleases).Append(" (").Append(Percent(report.FailedReleaseRatio)).Append(") |\n");
        text.Append("| deployments per week | ").Append(Number(report.DeploymentsPerWeek)).Append(" |\n");
        text.Append("| median lead time (days) | ").Append(Number(report.MedianLeadTimeDays)).Append(" |\n");
        text.Append("| change failure rate | ").Append(Percent(report.ChangeFailureRate)).Append(" |\n");
        text.Append("| median time to restore (days) | ").Append(Number(report.MedianTimeToRestoreDays)).Append(" |\n");
        text.Append("| privileged-access changes | ").Append(report.AccessChanges).Append(" |\n");
        text.Append("| audit-trail completeness | ").Append(report.CompleteChanges).Append(" of ").Append(report.Changes).Append(" (").Append(Percent(report.AuditCompleteness)).Append(") |\n");
        if (report.GateRuns is { } runs)
        {
            text.Append("| failed gate runs | ").Append(runs.Failed).Append(" of ").Append(runs.Runs).Append(" |\n");
        }

        text.Append("\n## Per release\n\n");
        text.Append("| release | date | verdict | findings | blocking | per 100 resources | new | fixed | access changes | secrets rotated | exceptions active | images pinned | complete changes | lead time (days) | failed |\n");
        text.Append("|---|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        foreach (var release in report.Releases)
        {
            var all = release.Violations[^1];
            var rotation = release.Rotation[^1];
            text.Append("| ").Append(Cell(release.Release.Name)).Append(" | ").Append(Day(release.Release.Time)).Append(" | ").Append(release.Verdict)
                .Append(" | ").Append(all.Findings).Append(" | ").Append(all.Blocking).Append(" | ").Append(Number(all.Per100Resources))
                .Append(" | ").Append(all.New.Count).Append(" | ").Append(all.Fixed.Count)
                .Append(" | ").Append(release.Access[^1].Count)
                .Append(" | ").Append(rotation.Compliant).Append('/').Append(rotation.Secrets)
                .Append(" | ").Append(release.Exceptions.Active)
                .Append(" | ").Append(release.Provenance[^1].Pinned).Append('/').Append(release.Provenance[^1].Images)
                .Append(" | ").Append(release.Changes.Count(c => c.Complete)).Append('/').Append(release.Changes.Count)
                .Append(" | ").Append(Number(release.Delivery.MedianLeadTimeDays))
                .Append(" | ").Append(release.Delivery.Failed ? $"{release.Delivery.FailureReason}, restored by {Cell(release.Delivery.RestoredBy!)}" : "no").Append(" |\n");
        }

        text.Append("\n## Provenance\n\n");
        text.Append("| release | environment | images | pinned | signed | SLSA provenance |\n|---|---|--:|--:|---|---|\n");
        foreach (var release in report.Releases)
        {
            foreach (var figures in release.Provenance)
            {
                text.Append("| ").Append(Cell(release.Release.Name)).Append(" | ").Append(Cell(figures.Environment))
                    .Append(" | ").Append(figures.Images).Append(" | ").Append(figures.Pinned)
                    .Append(" | ").Append(ProvenanceCount(figures, figures.Signed, figures.SignedRatio))
                    .Append(" | ").Append(ProvenanceCount(figures, figures.WithSlsaProvenance, figures.SlsaRatio)).Append(" |\n");
            }
        }

        var accessReleases = report.Releases.Where(r => r.Access[^1].Count > 0).ToList();
        text.Append("\n## Privileged-access changes\n\n");
        if (accessReleases.Count == 0)
        {
            text.Append("None: no release granted or widened a privilege or removed a network protection.\n");
        }
        else
        {
            text.Append("<details><summary>").Append(report.AccessChanges).Append(" change(s) in ").Append(accessReleases.Count).Append(" release(s)</summary>\n\n| release | environment | area | change | before | after | location |\n|---|---|---|---|---|---|---|\n");
            foreach (var release in accessReleases)
            {
                foreach (var fact in release.Access[^1].Changes)
                {
                    var change = fact.Change;
                    text.Append("| ").Append(Cell(release.Release.Name)).Append(" | ").Append(Cell(fact.Environment)).Append(" | ").Append(ChangeJson.Name(change.Area))
                        .Append(" | ").Append(Cell(change.Description)).Append(" | ").Append(Cell(change.Before)).Append(" | ").Append(Cell(change.After))
                        .Append(" | ").Append(Cell($"{change.File}:{change.Line}:{change.Column}")).Append(" |\n");
                }
            }

            text.Append("\n</details>\n");
        }

        text.Append("\n## Vulnerability exposure windows\n\n| severity | open | closed | median closed (days) | p90 closed (days) | limit (days) | breaches |\n|---|--:|--:|--:|--:|--:|--:|\n");
        foreach (var summary in report.ExposureBySeverity)
        {
            text.Append("| ").Append(summary.Severity).Append(" | ").Append(summary.Open).Append(" | ").Append(summary.Closed).Append(" | ").Append(Number(summary.MedianClosedDays))
                .Append(" | ").Append(Number(summary.P90ClosedDays)).Append(" | ").Append(Number(summary.LimitDays)).Append(" | ").Append(summary.Breaches).Append(" |\n");
        }

        if (report.ExposureWindows.Count > 0)
        {
            text.Append("\n<details><summary>").Append(report.ExposureWindows.Count).Append(" window(s)</summary>\n\n| image | vulnerability | severity | from | to | days | |\n|---|---|---|---|---|--:|---|\n");
            foreach (var window in report.ExposureWindows)
            {
                text.Append("| ").Append(Cell(window.Repository)).Append(" | ").Append(Cell(window.VulnerabilityId)).Append(" | ").Append(window.Severity)
                    .Append(" | ").Append(Day(window.Start)).Append(window.StartSource == "published" ? " (published)" : string.Empty)
                    .Append(" | ").Append(window.ClosedBy is null ? "open" : Cell(window.ClosedBy) + " " + Day(window.End))
                    .Append(" | ").Append(Number(window.Days)).Append(" | ").Append(window.Breach ? "**breach**" : string.Empty).Append(" |\n");
            }

            text.Append("\n</details>\n");
        }

        var gaps = report.Releases.SelectMany(r => r.Changes.Where(c => !c.Complete)).ToList();
        text.Append("\n## Audit-trail gaps\n\n");
        if (gaps.Count == 0)
        {
            text.Append("None: every change carries the evidence the policy requires.\n");
        }
        else
        {
            text.Append("| commit | release | author | subject | missing |\n|---|---|---|---|---|\n");
            foreach (var change in gaps)
            {
                text.Append("| ").Append(change.Commit).Append(" | ").Append(Cell(change.Release)).Append(" | ").Append(Cell(change.Author)).Append(" | ")
                    .Append(Cell(change.Subject)).Append(" | ").Append(Cell(string.Join("; ", change.Gaps))).Append(" |\n");
            }
        }

        text.Append("\n## Exceptions per month\n\n| month | created | expired |\n|---|--:|--:|\n");
        foreach (var (month, created, expired) in report.ExceptionsByMonth)
        {
            text.Append("| ").Append(month).Append(" | ").Append(created).Append(" | ").Append(expired).Append(" |\n");
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("\\", "\\\\").Replace("|", "\\|").Replace("\n", " ").Replace("<", "&lt;");
}
