using System;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Metrics;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Tests.Exceptions;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>Environment filters, kept gate reports, release selection syntax and the <c>metrics</c> settings of policykit.yaml.</summary>
public sealed class MetricsRequestTests
{
    [GitFact]
    public void Only_the_named_environments_count()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy + "environments:\n  - name: prod\n    paths: [\"prod/**\"]\n  - name: dev\n    paths: [\"dev/**\"]\n")
            .Write("prod/web.yaml", ReleaseHistory.Deployment("web"))
            .Write("dev/a.yaml", ReleaseHistory.Deployment("a"))
            .Write("dev/b.yaml", ReleaseHistory.Deployment("b"))
            .Commit("2026-01-01", "two environments");
        history.Tag("v1");

        var all = history.Measure().Releases.Single();
        var prod = MetricsBuilder.Build(new MetricsRequest(history.Path, ReleaseSelection.DefaultTags) { Environments = new[] { "prod" } }, "repo").Releases.Single();

        Assert.Equal(new[] { ("dev", 18, 2), ("prod", 9, 1), ("all", 27, 3) }, all.Violations.Select(v => (v.Environment, v.Findings, v.Resources)));
        Assert.Equal(new[] { ("prod", 9, 1), ("all", 9, 1) }, prod.Violations.Select(v => (v.Environment, v.Findings, v.Resources)));
    }

    [GitFact]
    public void Kept_gate_reports_are_counted_and_other_files_named()
    {
        using var history = new ReleaseHistory();
        history.Write("web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-01-01", "web");
        history.Tag("v1");
        using var reports = new TempFolder();
        reports.Write("run-1.json", """{"summary": {"result": "fail"}}""");
        reports.Write("run-2.json", """{"summary": {"result": "pass"}}""");
        reports.Write("ci/run-3.json", """{"summary": {"result": "fail"}}""");
        reports.Write("other.json", """{"findings": []}""");

        var runs = MetricsBuilder.Build(new MetricsRequest(history.Path, ReleaseSelection.DefaultTags) { GateReports = reports.Path }, "repo").GateRuns!;

        Assert.Equal((3, 2, 0.6667), (runs.Runs, runs.Failed, runs.FailureRatio!.Value));
        Assert.Equal(new[] { "ci/run-3.json", "run-1.json" }, runs.FailedFiles);
        Assert.StartsWith("other.json: not a policykit JSON report", runs.Problems.Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tags", true, "tags v*, release-*")]
    [InlineData("tags:prod-*", true, "tags prod-*")]
    [InlineData("merges", false, "merges to main touching environment paths")]
    [InlineData("merges:release", false, "merges to release touching environment paths")]
    public void Release_selection_is_parsed(string text, bool byTags, string description)
    {
        var selection = ReleaseSelection.Parse(text);

        Assert.Equal((byTags, description), (selection.ByTags, selection.Description));
    }

    [Fact]
    public void Tag_patterns_are_globs()
    {
        var selection = ReleaseSelection.Parse("tags:v?.*");

        Assert.Equal(new[] { true, false, false }, new[] { "v1.2", "v10.2", "xv1.2" }.Select(selection.MatchesTag));
        Assert.Throws<FormatException>(() => ReleaseSelection.Parse("branches"));
    }

    [Fact]
    public void Metrics_settings_are_read_from_the_policy_file()
    {
        using var folder = new TempFolder();

        var settings = folder.Policy("metrics:\n  exposureLimits: {critical: 7d, high: 30d}\n  ticketPattern: 'SHOP-[0-9]+'\n  requireSignatures: true\n  failureWindow: 48h\n  hotfixPattern: patch\n").Metrics;

        Assert.Equal((TimeSpan.FromDays(7), TimeSpan.FromDays(30)), (settings.ExposureLimits[Severity.Critical], settings.ExposureLimits[Severity.High]));
        Assert.Equal((true, TimeSpan.FromHours(48)), (settings.RequireSignatures, settings.FailureWindow));
        Assert.Matches(settings.TicketPattern, "fix SHOP-12");
        Assert.DoesNotMatch(settings.TicketPattern, "fix OPS-12");
        Assert.Matches(settings.HotfixPattern, "v1.0.1-patch");
    }

    [Theory]
    [InlineData("metrics:\n  exposureLimits: {urgent: 7d}\n", 2, "metrics.exposureLimits keys are critical")]
    [InlineData("metrics:\n  failureWindow: soon\n", 2, "metrics.failureWindow must be a positive duration")]
    [InlineData("metrics:\n  ticketPattern: '(['\n", 2, "metrics.ticketPattern is not a valid regular expression")]
    [InlineData("metrics:\n  requireSignatures: maybe\n", 2, "metrics.requireSignatures must be true or false")]
    [InlineData("metrics:\n  dashboards: true\n", 2, "unknown metrics field 'dashboards'")]
    public void Bad_metrics_settings_are_located_errors(string yaml, int line, string message)
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<PolicyDefinitionException>(() => folder.Policy(yaml));

        Assert.Equal(line, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
