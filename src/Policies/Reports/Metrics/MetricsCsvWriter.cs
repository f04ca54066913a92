using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Metrics;

namespace PolicyKit.Policies.Reports.Metrics;

/// <summary>The metrics as CSV (RFC 4180) for spreadsheets: one row per release and environment, plus <c>all</c>.</summary>
public static class MetricsCsvWriter
{
    private static readonly string[] Header =
    {
        "release", "time", "commit", "verdict", "environment", "resources", "findings", "blocking", "suppressed", "per100Resources",
        "critical", "high", "medium", "low", "info", "new", "fixed", "secrets", "secretsCompliant", "rotationRatio",
        "exceptionsActive", "exceptionsCreated", "exceptionsRenewed", "exceptionsExpired", "waivedShare", "images", "imagesPinned",
        "changes", "completeChanges", "medianLeadTimeDays", "failed", "timeToRestoreDays", "openExposureWindows",
        "accessChanges", "accessRbac", "accessWorkload", "accessNetwork",
        "imagesMeasured", "imagesSigned", "imagesSlsaProvenance", "signedRatio", "slsaRatio", "provenanceNotMeasured",
    };

    public static string Write(MetricsReport report)
    {
        var text = new StringBuilder();
        text.Append(string.Join(",", Header)).Append("\r\n");
        foreach (var release in report.Releases)
        {
            foreach (var figures in release.Violations)
            {
                var rotation = release.Rotation.FirstOrDefault(r => r.Environment == figures.Environment);
                var access = release.Access.FirstOrDefault(a => a.Environment == figures.Environment);
                var provenance = release.Provenance.FirstOrDefault(p => p.Environment == figures.Environment);
                var row = new List<string>
                {
                    release.Release.Name, MetricsFormat.Instant(release.Release.Time), release.Release.Commit, release.Verdict, figures.Environment,
                    Number(figures.Resources), Number(figures.Findings), Number(figures.Blocking), Number(figures.Suppressed), Number(figures.Per100Resources),
                };
                row.AddRange(figures.BySeverity.Values.Select(v => Number(v)));
                row.AddRange(new[]
                {
                    Number(figures.New.Count), Number(figures.Fixed.Count),
                    Number(rotation?.Secrets ?? 0), Number(rotation?.Compliant ?? 0), Number(rotation?.Ratio),
                    Number(release.Exceptions.Active), Number(release.Exceptions.Created.Count), Number(release.Exceptions.Renewed.Count), Number(release.Exceptions.Expired.Count),
                    Number(release.Exceptions.WaivedShare), Number(provenance?.Images ?? 0), Number(provenance?.Pinned ?? 0),
                    Number(release.Changes.Count), Number(release.Changes.Count(c => c.Complete)), Number(release.Delivery.MedianLeadTimeDays),
                    release.Delivery.Failed ? "true" : "false", Number(release.Delivery.TimeToRestoreDays), Number(release.OpenExposureWindows),
                    Number(access?.Count ?? 0),
                });
                row.AddRange(AccessFigures.Areas.Select(a => Number(access?.In(a) ?? 0)));
                row.AddRange(new[]
                {
                    Number(provenance?.Measured), Number(provenance?.Signed), Number(provenance?.WithSlsaProvenance), Number(provenance?.SignedRatio),
                    Number(provenance?.SlsaRatio), provenance?.NotMeasured ?? string.Empty,
                });
                text.Append(string.Join(",", row.Select(Quote))).Append("\r\n");
            }
        }

        return text.ToString();
    }

    private static string Number(double? value) => value is { } number ? number.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Quote(string field)
    {
        // A leading formula character would run in a spreadsheet; a quote disarms it.
        var safe = field.Length > 0 && "=+-@".IndexOf(field[0]) >= 0 && !double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? "'" + field : field;
        return safe.IndexOfAny(new[] { ',', '"', '\r', '\n' }) >= 0 ? "\"" + safe.Replace("\"", "\"\"") + "\"" : safe;
    }
}
