using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Metrics;

namespace PolicyKit.Policies.Reports.Metrics;

/// <summary>
/// The metrics in the OpenMetrics text format: each family's TYPE, UNIT and HELP once, then its samples together;
/// counters end in <c>_total</c>; label values escaped; <c># EOF</c> last. Labels are bounded: <c>release</c> (the
/// releases of the period), <c>environment</c> (those of the policy), <c>severity</c> and <c>area</c> (three values). No timestamps, so the
/// node_exporter textfile collector and a Pushgateway both accept it.
/// </summary>
public static class OpenMetricsWriter
{
    private const double SecondsPerDay = 86400;

    public static string Write(MetricsReport report)
    {
        var text = new StringBuilder();
        var releases = report.Releases;

        Family(text, "policykit_releases", "counter", null, "Releases found in the period.");
        Sample(text, "policykit_releases_total", null, releases.Count);
        Family(text, "policykit_releases_failed", "counter", null, "Releases whose gate verdict under their own policy was fail (or whose policy could not be read).");
        Sample(text, "policykit_releases_failed_total", null, report.FailedReleases);
        Family(text, "policykit_release_failed", "gauge", null, "1 when the release's gate verdict was fail, else 0.");
        foreach (var release in releases)
        {
            Sample(text, "policykit_release_failed", Labels(("release", release.Release.Name)), release.Verdict == "pass" ? 0 : 1);
        }

        PerEnvironment(text, releases, "policykit_findings", "Findings of the release, by environment and severity.", (release, figures) =>
            figures.BySeverity.Select(s => ((string, string)?)("severity", s.Key)).Zip(figures.BySeverity.Values, (label, count) => (label, (double?)count)));
        PerEnvironment(text, releases, "policykit_findings_blocking", "Blocking findings of the release.", (_, f) => One(f.Blocking));
        PerEnvironment(text, releases, "policykit_findings_suppressed", "Findings an exception record waives.", (_, f) => One(f.Suppressed));
        PerEnvironment(text, releases, "policykit_findings_new", "Findings whose fingerprint the previous release did not have.", (_, f) => One(f.New.Count));
        PerEnvironment(text, releases, "policykit_findings_fixed", "Findings of the previous release this release no longer has.", (_, f) => One(f.Fixed.Count));
        PerEnvironment(text, releases, "policykit_findings_per_100_resources", "Findings per 100 resources.", (_, f) => One(f.Per100Resources));
        PerEnvironment(text, releases, "policykit_resources", "Resources in the release.", (_, f) => One(f.Resources));

        Family(text, "policykit_access_changes", "gauge", null, "Privileged-access changes the release introduced since the previous release, by environment and area (rbac, workload, network).");
        foreach (var release in releases)
        {
            foreach (var figures in release.Access.Where(a => a.Environment != ViolationFigures.AllEnvironments))
            {
                foreach (var area in AccessFigures.Areas)
                {
                    Sample(text, "policykit_access_changes", Labels(("environment", figures.Environment), ("release", release.Release.Name), ("area", ChangeJson.Name(area))), figures.In(area));
                }
            }
        }

        Family(text, "policykit_secrets", "gauge", null, "Secret-bearing objects measured for rotation.");
        RotationSamples(text, releases, "policykit_secrets", r => r.Secrets);
        Family(text, "policykit_secrets_compliant", "gauge", null, "Secret-bearing objects rotated within their policy.");
        RotationSamples(text, releases, "policykit_secrets_compliant", r => r.Compliant);
        Family(text, "policykit_secrets_rotation_ratio", "gauge", null, "Share of secret-bearing objects rotated within their policy.");
        RotationSamples(text, releases, "policykit_secrets_rotation_ratio", r => r.Ratio);

        PerRelease(text, releases, "policykit_exceptions_active", "Exception records in force on the release day.", r => r.Exceptions.Active);
        PerRelease(text, releases, "policykit_exceptions_created", "Exception records first seen in the release.", r => r.Exceptions.Created.Count);
        PerRelease(text, releases, "policykit_exceptions_renewed", "Exception records whose expiry moved later in the release.", r => r.Exceptions.Renewed.Count);
        PerRelease(text, releases, "policykit_exceptions_expired", "Exception records that expired by the release day.", r => r.Exceptions.Expired.Count);
        PerRelease(text, releases, "policykit_exceptions_waived_ratio", "Share of findings an exception record waives.", r => r.Exceptions.WaivedShare);
        PerRelease(text, releases, "policykit_images", "Distinct container images the release deploys.", r => r.Provenance[^1].Images);
        PerRelease(text, releases, "policykit_images_pinned", "Images pinned by digest.", r => r.Provenance[^1].Pinned);
        ProvenanceSamples(text, releases, "policykit_images_provenance_measured", "Images under a provenance policy whose evidence was verified (when measured).", p => p.Measured);
        ProvenanceSamples(text, releases, "policykit_images_signed", "Images signed by an allowed signer (when measured).", p => p.Signed);
        ProvenanceSamples(text, releases, "policykit_images_slsa_provenance", "Images with SLSA provenance meeting the policy (when measured).", p => p.WithSlsaProvenance);
        ProvenanceSamples(text, releases, "policykit_images_signed_ratio", "Share of measured images signed by an allowed signer.", p => p.SignedRatio);
        ProvenanceSamples(text, releases, "policykit_images_slsa_provenance_ratio", "Share of measured images with SLSA provenance meeting the policy.", p => p.SlsaRatio);
        PerRelease(text, releases, "policykit_audit_changes", "Changes of the release touching manifests, policy or exceptions.", r => r.Changes.Count);
        PerRelease(text, releases, "policykit_audit_changes_complete", "Changes carrying every piece of evidence the policy requires.", r => r.Changes.Count(c => c.Complete));
        PerRelease(text, releases, "policykit_exposure_windows_open", "Fixable vulnerability exposure windows open on the release day.", r => r.OpenExposureWindows);
        PerRelease(text, releases, "policykit_lead_time_median_seconds", "Median time from commit to release of the release's commits.", r => r.Delivery.MedianLeadTimeDays * SecondsPerDay, "seconds");

        Family(text, "policykit_exposure_open_windows", "gauge", null, "Exposure windows still open at the end of the period, by severity.");
        foreach (var summary in report.ExposureBySeverity)
        {
            Sample(text, "policykit_exposure_open_windows", Labels(("severity", summary.Severity)), summary.Open);
        }

        Family(text, "policykit_exposure_closed_median_seconds", "gauge", "seconds", "Median length of closed exposure windows, by severity.");
        foreach (var summary in report.ExposureBySeverity)
        {
            Sample(text, "policykit_exposure_closed_median_seconds", Labels(("severity", summary.Severity)), summary.MedianClosedDays * SecondsPerDay);
        }

        Family(text, "policykit_exposure_closed_p90_seconds", "gauge", "seconds", "90th percentile length of closed exposure windows, by severity.");
        foreach (var summary in report.ExposureBySeverity)
        {
            Sample(text, "policykit_exposure_closed_p90_seconds", Labels(("severity", summary.Severity)), summary.P90ClosedDays * SecondsPerDay);
        }

        Family(text, "policykit_exposure_breaches", "counter", null, "Exposure windows longer than their severity's limit in policykit.yaml.");
        foreach (var summary in report.ExposureBySeverity)
        {
            Sample(text, "policykit_exposure_breaches_total", Labels(("severity", summary.Severity)), summary.Breaches);
        }

        Family(text, "policykit_deployments_per_week", "gauge", null, "Releases per week over the period.");
        Sample(text, "policykit_deployments_per_week", null, report.DeploymentsPerWeek);
        Family(text, "policykit_change_failure_ratio", "gauge", null, "Share of releases followed by a hotfix or revert within the failure window.");
        Sample(text, "policykit_change_failure_ratio", null, report.ChangeFailureRate);
        Family(text, "policykit_time_to_restore_median_seconds", "gauge", "seconds", "Median time from a failed release to the release that restored it.");
        Sample(text, "policykit_time_to_restore_median_seconds", null, report.MedianTimeToRestoreDays * SecondsPerDay);
        Family(text, "policykit_audit_completeness_ratio", "gauge", null, "Share of the period's changes that carry all required evidence.");
        Sample(text, "policykit_audit_completeness_ratio", null, report.AuditCompleteness);
        if (report.GateRuns is { } runs)
        {
            Family(text, "policykit_gate_runs", "counter", null, "Gate runs kept as JSON reports.");
            Sample(text, "policykit_gate_runs_total", null, runs.Runs);
            Family(text, "policykit_gate_runs_failed", "counter", null, "Kept gate runs whose verdict was fail.");
            Sample(text, "policykit_gate_runs_failed_total", null, runs.Failed);
        }

        text.Append("# EOF\n");
        return text.ToString();
    }

    /// <summary>Writes the exposition to a temporary file beside <paramref name="path"/> and renames it, so a collector never reads half a file.</summary>
    public static void WriteAtomically(MetricsReport report, string path)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        File.WriteAllText(temporary, Write(report), new UTF8Encoding(false));
        File.Move(temporary, full, overwrite: true);
    }

    private static IEnumerable<((string, string)? Label, double? Value)> One(double? value) => new[] { ((string, string)?)null }.Select(l => (l, value));

    private static void PerEnvironment(StringBuilder text, IReadOnlyList<ReleaseMetrics> releases, string name, string help, Func<ReleaseMetrics, ViolationFigures, IEnumerable<((string, string)? Label, double? Value)>> values)
    {
        Family(text, name, "gauge", null, help);
        foreach (var release in releases)
        {
            foreach (var figures in release.Violations.Where(v => v.Environment != ViolationFigures.AllEnvironments))
            {
                foreach (var (label, value) in values(release, figures))
                {
                    var labels = new List<(string, string)> { ("environment", figures.Environment), ("release", release.Release.Name) };
                    if (label is { } extra)
                    {
                        labels.Add(extra);
                    }

                    Sample(text, name, Labels(labels.ToArray()), value);
                }
            }
        }
    }

    private static void RotationSamples(StringBuilder text, IReadOnlyList<ReleaseMetrics> releases, string name, Func<RotationFigures, double?> value)
    {
        foreach (var release in releases)
        {
            foreach (var figures in release.Rotation.Where(r => r.Environment != ViolationFigures.AllEnvironments))
            {
                Sample(text, name, Labels(("environment", figures.Environment), ("release", release.Release.Name)), value(figures));
            }
        }
    }

    /// <summary>Per environment and release, only where measured: a release without a provenance policy has no sample, not 0.</summary>
    private static void ProvenanceSamples(StringBuilder text, IReadOnlyList<ReleaseMetrics> releases, string name, string help, Func<ProvenanceFigures, double?> value)
    {
        var figures = releases.SelectMany(r => r.Provenance.Where(p => p.Environment != ViolationFigures.AllEnvironments).Select(p => (Release: r.Release.Name, Figures: p))).ToList();
        if (figures.All(f => value(f.Figures) is null))
        {
            return;
        }

        Family(text, name, "gauge", null, help);
        foreach (var (release, provenance) in figures)
        {
            Sample(text, name, Labels(("environment", provenance.Environment), ("release", release)), value(provenance));
        }
    }

    private static void PerRelease(StringBuilder text, IReadOnlyList<ReleaseMetrics> releases, string name, string help, Func<ReleaseMetrics, double?> value, string? unit = null)
    {
        if (releases.All(r => value(r) is null))
        {
            return;
        }

        Family(text, name, "gauge", unit, help);
        foreach (var release in releases)
        {
            Sample(text, name, Labels(("release", release.Release.Name)), value(release));
        }
    }

    private static void Family(StringBuilder text, string name, string type, string? unit, string help)
    {
        text.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
        if (unit is not null)
        {
            text.Append("# UNIT ").Append(name).Append(' ').Append(unit).Append('\n');
        }

        text.Append("# HELP ").Append(name).Append(' ').Append(help.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")).Append('\n');
    }

    private static void Sample(StringBuilder text, string name, string? labels, double? value)
    {
        if (value is not { } number)
        {
            return;
        }

        text.Append(name);
        if (labels is not null)
        {
            text.Append(labels);
        }

        text.Append(' ').Append(Math.Round(number, 6).ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Labels(params (string Name, string Value)[] labels) =>
        "{" + string.Join(",", labels.Select(l => l.Name + "=\"" + l.Value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"")) + "}";
}
