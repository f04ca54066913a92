using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Git;

namespace PolicyKit.Policies.Metrics;

/// <summary>Computes every metric of a release history: discovers, judges and compares releases, then aggregates.</summary>
public static class MetricsBuilder
{
    private static readonly Regex RevertOf = new(@"This reverts commit ([0-9a-f]{7,40})", RegexOptions.CultureInvariant);

    /// <exception cref="GitReadException">The repository or a revision cannot be read.</exception>
    public static MetricsReport Build(MetricsRequest request, string repositoryDisplayName)
    {
        var history = GitHistory.Open(request.Repository);
        var environmentPaths = request.Releases.ByTags ? Array.Empty<string>() : EnvironmentPaths(history, request.Releases.Branch);
        var releases = ReleaseDiscovery.Discover(history, request.Releases, request.Since, request.Until, environmentPaths);
        var evaluator = new ReleaseEvaluator(history, request.Evidence);
        var facts = evaluator.Evaluate(releases, request.Environments);

        var scans = request.VulnerabilityReports is { } folder ? ScanReportReader.ReadFolder(folder) : (Array.Empty<ScanReport>(), Array.Empty<string>());
        var settings = facts.Count == 0 ? Configuration.MetricsSettings.Default : facts[^1].Settings;
        var asOf = request.Until ?? (facts.Count == 0 ? DateTimeOffset.UnixEpoch : facts[^1].Release.Time);
        var windows = ExposureAnalysis.Windows(facts, scans.Item1, settings.ExposureLimits, asOf);

        var commitsOf = facts.Select((current, i) => history.Commits(i == 0 ? null : releases[i - 1].Commit, current.Release.Commit, current.Settings.RequireSignatures)).ToList();

        // The audit trail asks which paths each commit changed: read them all in one git process, not one per commit.
        history.ReadChangedPaths(commitsOf.SelectMany(c => c).Where(c => !c.IsMerge));
        var metrics = new List<ReleaseMetrics>();
        for (var i = 0; i < facts.Count; i++)
        {
            var current = facts[i];
            var previous = i == 0 ? null : facts[i - 1];
            var commits = commitsOf[i];
            var time = current.Release.Time;
            var violations = Violations(current, previous);
            metrics.Add(new ReleaseMetrics(
                current,
                violations,
                Rotation(current),
                Access(current, violations),
                new ExceptionFigures(current.Exceptions, previous?.Exceptions ?? Array.Empty<ExceptionFact>(), current.Findings.Count, current.Findings.Count(f => f.Suppressed)),
                Provenance(current),
                AuditTrailAnalysis.Judge(history, commits, current, current.Settings),
                new DeliveryFigures(commits.Where(c => !c.IsMerge).Select(c => Statistics.Days(time - c.CommitTime)).Reverse().ToList()),
                windows.Count(w => w.Start <= time && (w.End is null || w.End > time))));
        }

        MarkFailures(metrics, commitsOf, settings);
        var gateRuns = request.GateReports is { } gateFolder ? GateReportReader.ReadFolder(gateFolder) : null;
        return new MetricsReport(repositoryDisplayName, request.Releases, request, metrics, windows, scans.Item2, gateRuns, new MetricsCost(evaluator.FilesJudged, evaluator.FilesReused, evaluator.FilesInventoried, evaluator.KustomizeBuildsReused, evaluator.DiscoveriesReused));
    }

    private static IReadOnlyList<ViolationFigures> Violations(ReleaseFacts current, ReleaseFacts? previous)
    {
        var environments = current.Resources.Keys.Concat(current.Findings.Select(f => f.Environment)).Distinct().OrderBy(e => e, StringComparer.Ordinal);
        var figures = environments.Select(e => new ViolationFigures(
            e,
            current.Findings.Where(f => f.Environment == e).ToList(),
            current.Resources.TryGetValue(e, out var count) ? count : 0,
            previous?.Findings.Where(f => f.Environment == e).ToList() ?? new List<FindingFact>(),
            previous is not null)).ToList();
        figures.Add(new ViolationFigures(ViolationFigures.AllEnvironments, current.Findings, current.Resources.Values.Sum(), previous?.Findings ?? Array.Empty<FindingFact>(), previous is not null));
        return figures;
    }

    private static IReadOnlyList<AccessFigures> Access(ReleaseFacts current, IReadOnlyList<ViolationFigures> violations)
    {
        var figures = violations.Select(v => v.Environment).Where(e => e != ViolationFigures.AllEnvironments)
            .Concat(current.AccessChanges.Select(c => c.Environment))
            .Distinct()
            .OrderBy(e => e, StringComparer.Ordinal)
            .Select(e => new AccessFigures(e, current.AccessChanges.Where(c => c.Environment == e).ToList()))
            .ToList();
        figures.Add(new AccessFigures(ViolationFigures.AllEnvironments, current.AccessChanges));
        return figures;
    }

    private static IReadOnlyList<ProvenanceFigures> Provenance(ReleaseFacts current)
    {
        var figures = current.Images.GroupBy(i => i.Environment, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProvenanceFigures(g.Key, g.ToList(), current.ProvenancePolicies.Contains(g.Key)))
            .ToList();
        figures.Add(new ProvenanceFigures(ViolationFigures.AllEnvironments, current.Images, current.ProvenancePolicies.Count > 0));
        return figures;
    }

    private static IReadOnlyList<RotationFigures> Rotation(ReleaseFacts current)
    {
        var figures = current.Rotation.GroupBy(i => i.Environment ?? ReleaseEvaluator.DefaultEnvironment)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RotationFigures(g.Key, g.ToList()))
            .ToList();
        figures.Add(new RotationFigures(ViolationFigures.AllEnvironments, current.Rotation));
        return figures;
    }

    /// <summary>
    /// A release failed when, within the failure window, the next release is a hotfix (its name matches the hotfix
    /// pattern) or a later release reverts one of its commits; that later release restored it.
    /// </summary>
    private static void MarkFailures(IReadOnlyList<ReleaseMetrics> metrics, IReadOnlyList<IReadOnlyList<GitCommitRecord>> commitsOf, Configuration.MetricsSettings settings)
    {
        var releaseOfCommit = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < commitsOf.Count; i++)
        {
            foreach (var commit in commitsOf[i])
            {
                releaseOfCommit[commit.Id] = i;
            }
        }

        for (var j = 1; j < metrics.Count; j++)
        {
            var restore = metrics[j].Release;
            if (settings.HotfixPattern.IsMatch(restore.Name))
            {
                Fail(metrics[j - 1], restore, "hotfix", settings);
            }

            foreach (var commit in commitsOf[j])
            {
                foreach (Match match in RevertOf.Matches(commit.Body))
                {
                    var reverted = releaseOfCommit.Keys.FirstOrDefault(id => id.StartsWith(match.Groups[1].Value, StringComparison.Ordinal));
                    if (reverted is not null && releaseOfCommit[reverted] < j)
                    {
                        Fail(metrics[releaseOfCommit[reverted]], restore, "revert", settings);
                    }
                }
            }
        }
    }

    private static void Fail(ReleaseMetrics failed, Release restore, string reason, Configuration.MetricsSettings settings)
    {
        var elapsed = restore.Time - failed.Release.Time;
        if (failed.Delivery.Failed || elapsed > settings.FailureWindow)
        {
            return;
        }

        failed.Delivery.RestoredBy = restore.Name;
        failed.Delivery.FailureReason = reason;
        failed.Delivery.TimeToRestoreDays = Statistics.Days(elapsed);
    }

    /// <summary>The path globs of the environments in the branch head's policy file (merges mode); none: every merge counts.</summary>
    private static IReadOnlyList<string> EnvironmentPaths(GitHistory history, string branch)
    {
        var commit = history.ResolveCommit(branch);
        var policy = history.Tree(commit).FirstOrDefault(e => e.Path == Configuration.PolicyConfig.FileName);
        if (policy is null)
        {
            return Array.Empty<string>();
        }

        var temporary = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policykit-metrics-policy-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(temporary);
        try
        {
            var file = System.IO.Path.Combine(temporary, Configuration.PolicyConfig.FileName);
            System.IO.File.WriteAllBytes(file, history.ReadBlobs(new[] { policy.Blob })[policy.Blob]);
            var config = Configuration.PolicyConfigLoader.Load(file, Configuration.PolicyConfig.FileName);
            return config.Environments.SelectMany(e => e.Paths).Select(p => p.Pattern).Distinct().ToList();
        }
        finally
        {
            System.IO.Directory.Delete(temporary, recursive: true);
        }
    }
}
