using System.Linq;
using PolicyKit.Policies.Metrics;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>Policy violations per release: counts, per 100 resources, and new/fixed by fingerprint, on a real git history.</summary>
public sealed class ViolationMetricsTests
{
    private static string Reformatted(string name) =>
        "# reformatted: comment, keys reordered, flow style\n" + ReleaseHistory.Deployment(name).Replace("kind: Deployment\n", string.Empty).Replace("apiVersion: apps/v1\n", "kind: Deployment\napiVersion: apps/v1\n");

    [GitFact]
    public void Findings_are_new_or_fixed_by_fingerprint_and_reformatting_changes_nothing()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Write("web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-01-01", "web (OPS-1)");
        history.Tag("v1");
        history.Write("web.yaml", Reformatted("web")).Write("api.yaml", ReleaseHistory.Deployment("api")).Commit("2026-01-08", "api (OPS-2)");
        history.Tag("v2");
        history.Delete("web.yaml").Commit("2026-01-15", "retire web (OPS-3)");
        history.Tag("v3");
        history.Commit("2026-01-22", "release train (OPS-4)");
        history.Tag("v4");

        var report = history.Measure();

        // v1: one Deployment = 9 findings (2 blocking), 1 resource. v2: api adds its 9; web only reformatted, so nothing of
        // it is new. v3: web's 9 are fixed. v4: no change at all.
        var all = report.Releases.Select(r => r.Violations.Single(v => v.Environment == "all")).ToList();
        Assert.Equal(new[] { "v1", "v2", "v3", "v4" }, report.Releases.Select(r => r.Release.Name));
        Assert.Equal(new[] { 9, 18, 9, 9 }, all.Select(v => v.Findings));
        Assert.Equal(new[] { 2, 4, 2, 2 }, all.Select(v => v.Blocking));
        Assert.Equal(new[] { 1, 2, 1, 1 }, all.Select(v => v.Resources));
        Assert.Equal(new double?[] { 900, 900, 900, 900 }, all.Select(v => v.Per100Resources));
        Assert.Equal(new[] { 0, 9, 0, 0 }, all.Select(v => v.New.Count));
        Assert.Equal(new[] { 0, 0, 9, 0 }, all.Select(v => v.Fixed.Count));
        Assert.All(all[1].New, f => Assert.Equal("api.yaml", f.File));
        Assert.All(all[2].Fixed, f => Assert.Equal("web.yaml", f.File));
        Assert.Equal(2, all[0].BySeverity["high"]);
        Assert.Equal(9, all[0].ByCategory.Values.Sum());
        Assert.Equal(1, all[0].ByRule["PK1008"]);

        // Every release blocks at high: 4 of 4 failed.
        Assert.Equal(4, report.FailedReleases);
        Assert.Equal(1.0, report.FailedReleaseRatio);
    }

    [GitFact]
    public void Unchanged_files_are_not_judged_again()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Write("web.yaml", ReleaseHistory.Deployment("web")).Write("api.yaml", ReleaseHistory.Deployment("api")).Commit("2026-01-01", "two apps");
        history.Tag("v1");
        history.Write("api.yaml", ReleaseHistory.Deployment("api", "nginx:1.27")).Commit("2026-01-08", "api upgrade");
        history.Tag("v2");
        history.Commit("2026-01-15", "no change");
        history.Tag("v3");

        var report = history.Measure();

        // v1 judges both files; v2 only api.yaml (web.yaml reused); v3 none (both reused). Blobs: web, api, api'.
        // v2 and v3 keep every path and the policy, so they follow v1's discovery instead of walking the tree again.
        Assert.Equal(new MetricsCost(FilesJudged: 3, FilesReused: 3, BlobsInventoried: 3, DiscoveriesReused: 2), report.Cost);
        Assert.Equal(new[] { 18, 18, 18 }, report.Releases.Select(r => r.Violations[^1].Findings));
    }

    [GitFact]
    public void A_changed_policy_judges_every_file_again_under_the_new_policy()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Write("web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-01-01", "web");
        history.Tag("v1");
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy.Replace("failOn: high", "failOn: none")).Commit("2026-01-08", "nothing blocks");
        history.Tag("v2");

        var report = history.Measure();

        Assert.Equal(new[] { "fail", "pass" }, report.Releases.Select(r => r.Verdict));
        Assert.Equal(0, report.Cost.FilesReused);
    }

    [GitFact]
    public void A_release_whose_policy_cannot_be_read_is_an_error_and_the_others_are_still_measured()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Write("web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-01-01", "web");
        history.Tag("v1");
        history.Write("policykit.yaml", "failOn: sometimes\n").Commit("2026-01-08", "typo");
        history.Tag("v2");
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Commit("2026-01-15", "fixed");
        history.Tag("v3");

        var report = history.Measure();

        Assert.Equal(new[] { "fail", "error", "fail" }, report.Releases.Select(r => r.Verdict));
        Assert.Contains("policykit.yaml", report.Releases[1].Facts.PolicyError);
        Assert.Equal(9, report.Releases[2].Violations[^1].Findings);
    }

    [GitFact]
    public void Releases_are_the_tags_that_match_the_patterns_within_the_period()
    {
        using var history = new ReleaseHistory();
        history.Write("web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-01-01", "web");
        history.Tag("v1.0").Tag("nightly-1");
        history.Commit("2026-02-01", "more");
        history.Tag("release-2026.02");
        history.Commit("2026-03-01", "later");
        history.Tag("v1.1");

        var all = MetricsBuilder.Build(new MetricsRequest(history.Path, ReleaseSelection.DefaultTags), "repo");
        var february = MetricsBuilder.Build(
            new MetricsRequest(history.Path, ReleaseSelection.Parse("tags:v*,release-*")) { Since = new System.DateTimeOffset(2026, 1, 15, 0, 0, 0, System.TimeSpan.Zero), Until = new System.DateTimeOffset(2026, 2, 15, 0, 0, 0, System.TimeSpan.Zero) },
            "repo");

        Assert.Equal(new[] { "v1.0", "release-2026.02", "v1.1" }, all.Releases.Select(r => r.Release.Name));
        Assert.Equal(new[] { "release-2026.02" }, february.Releases.Select(r => r.Release.Name));
    }
}
