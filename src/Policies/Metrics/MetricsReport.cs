using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Metrics;

/// <summary>The governance metrics of a release history: per release, the period's aggregates, and the lists behind them.</summary>
public sealed class MetricsReport
{
    public MetricsReport(string repository, ReleaseSelection selection, MetricsRequest request, IReadOnlyList<ReleaseMetrics> releases, IReadOnlyList<ExposureWindow> exposureWindows, IReadOnlyList<string> scanProblems, GateRunFigures? gateRuns, MetricsCost cost)
    {
        Repository = repository;
        Selection = selection.Description;
        Since = request.Since;
        Until = request.Until;
        Environments = request.Environments.OrderBy(e => e, StringComparer.Ordinal).ToList();
        Releases = releases;
        ExposureWindows = exposureWindows;
        ScanProblems = scanProblems;
        GateRuns = gateRuns;
        Cost = cost;
        ExposureBySeverity = new[] { "critical", "high", "medium", "low", "unknown" }
            .Select(s => new ExposureSummary(s, exposureWindows.Where(w => Bucket(w.Severity) == s).ToList()))
            .ToList();
    }

    /// <summary>How the report names the repository (as given on the command line).</summary>
    public string Repository { get; }

    /// <summary>How releases were found, e.g. <c>tags v*, release-*</c>.</summary>
    public string Selection { get; }

    public DateTimeOffset? Since { get; }

    public DateTimeOffset? Until { get; }

    public IReadOnlyList<string> Environments { get; }

    public IReadOnlyList<ReleaseMetrics> Releases { get; }

    public IReadOnlyList<ExposureWindow> ExposureWindows { get; }

    public IReadOnlyList<ExposureSummary> ExposureBySeverity { get; }

    public IReadOnlyList<string> ScanProblems { get; }

    public GateRunFigures? GateRuns { get; }

    public MetricsCost Cost { get; }

    public int FailedReleases => Releases.Count(r => r.Verdict != "pass");

    public double? FailedReleaseRatio => Releases.Count == 0 ? null : Math.Round((double)FailedReleases / Releases.Count, 4);

    /// <summary>Releases per week over the period from the first to the last release (at least one day long).</summary>
    public double? DeploymentsPerWeek
    {
        get
        {
            if (Releases.Count == 0)
            {
                return null;
            }

            var days = Math.Max(1.0, ((Until ?? Releases[^1].Release.Time) - (Since ?? Releases[0].Release.Time)).TotalDays);
            return Math.Round(Releases.Count / (days / 7.0), 4);
        }
    }

    public double? MedianLeadTimeDays => Statistics.Median(Releases.SelectMany(r => r.Delivery.LeadTimeDays));

    public double? ChangeFailureRate => Releases.Count == 0 ? null : Math.Round((double)Releases.Count(r => r.Delivery.Failed) / Releases.Count, 4);

    public double? MedianTimeToRestoreDays => Statistics.Median(Releases.Where(r => r.Delivery.TimeToRestoreDays is not null).Select(r => r.Delivery.TimeToRestoreDays!.Value));

    public int Changes => Releases.Sum(r => r.Changes.Count);

    /// <summary>Privileged-access changes the releases of the period introduced (each release against the one before).</summary>
    public int AccessChanges => Releases.Sum(r => r.Access[^1].Count);

    public int CompleteChanges => Releases.Sum(r => r.Changes.Count(c => c.Complete));

    public double? AuditCompleteness => Changes == 0 ? null : Math.Round((double)CompleteChanges / Changes, 4);

    /// <summary>Exception records created and expired per calendar month (UTC), from each record's first sighting.</summary>
    public IReadOnlyList<(string Month, int Created, int Expired)> ExceptionsByMonth
    {
        get
        {
            var created = new Dictionary<string, int>(StringComparer.Ordinal);
            var expired = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var release in Releases)
            {
                var month = release.Release.Time.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                created[month] = (created.TryGetValue(month, out var c) ? c : 0) + release.Exceptions.Created.Count;
                expired[month] = (expired.TryGetValue(month, out var e) ? e : 0) + release.Exceptions.Expired.Count;
            }

            return created.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => (k, created[k], expired[k])).ToList();
        }
    }

    /// <summary>The severity bucket a scanner's severity counts in: critical…low, everything else unknown.</summary>
    public static string Bucket(string severity) => severity is "critical" or "high" or "medium" or "low" ? severity : "unknown";
}

/// <summary>What measuring the history cost: files judged by the engine, taken over unchanged, inventoried by blob, kustomization builds taken over, and releases whose discovery followed the previous one.</summary>
public sealed record MetricsCost(int FilesJudged, int FilesReused, int BlobsInventoried, int KustomizeBuildsReused = 0, int DiscoveriesReused = 0);
