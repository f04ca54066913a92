using System.Linq;
using PolicyKit.Policies.Metrics;
using TestGit = PolicyKit.Policies.Tests.Exceptions.Git;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>Exceptions, secrets rotation, audit trail and delivery across a real git history, each value worked out by hand.</summary>
public sealed class GovernanceMetricsTests
{
    private const string Sealed = """
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: smtp
          namespace: shop
          annotations:
            policykit.io/rotated-at: "ROTATED"
            policykit.io/rotation-period: 30d
        spec:
          template:
            metadata:
              name: smtp
        """;

    private static string Exception(string expires, string approver = ReleaseHistory.Bob) => $"""
        exceptions:
          - id: EX-1
            rules: [PK1008]
            scope:
              namespaces: [shop]
              names: [web]
            owner: {ReleaseHistory.Alice}
            approver: {approver}
            justification: The web tier runs as root until its image is rebuilt.
            ticket: OPS-9
            created: 2026-01-01
            expires: {expires}
        """;

    [GitFact]
    public void Exceptions_rotation_and_audit_trail_follow_the_history()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy)
            .Write("web.yaml", ReleaseHistory.Deployment("web"))
            .Write("smtp.yaml", Sealed.Replace("ROTATED", "2025-12-01"))
            .Write("exceptions/web.yaml", Exception("2026-01-10"))
            .Commit("2026-01-01", "web with a waiver (OPS-9)\n\nReviewed-by: " + ReleaseHistory.Bob);
        history.Tag("v1");
        history.Write("web.yaml", ReleaseHistory.Deployment("web", "nginx:1.27")).Commit("2026-01-12", "bump nginx");
        history.Tag("v2");
        history.Write("smtp.yaml", Sealed.Replace("ROTATED", "2026-01-13"))
            .Write("exceptions/web.yaml", Exception("2026-02-28"))
            .Commit("2026-01-14", "rotate smtp, extend EX-1 (OPS-10)\n\nApproved-by: " + ReleaseHistory.Alice, ReleaseHistory.Bob);
        history.Tag("v3");

        var report = history.Measure();
        var (v1, v2, v3) = (report.Releases[0], report.Releases[1], report.Releases[2]);

        // EX-1: created 2026-01-01, expires 2026-01-10: in force at v1 (10 days granted, inclusive), expired at v2 (01-12),
        // extended to 2026-02-28 at v3 (59 days granted). It waives PK1008 on web: 1 of v1's 10 findings (web's 9, and
        // PK9010 because EX-1 expires within the 14-day warning window).
        Assert.Equal(new[] { "EX-1" }, v1.Exceptions.Created);
        Assert.Equal(1, v1.Violations[^1].ByRule["PK9010"]);
        Assert.Equal((1, 10.0, 0.1), (v1.Exceptions.Active, v1.Exceptions.MedianGrantedDays!.Value, v1.Exceptions.WaivedShare!.Value));
        Assert.Equal(1, v1.Exceptions.ByRule["PK1008"]);
        Assert.Equal(1, v1.Exceptions.ByOwner[ReleaseHistory.Alice]);
        Assert.Equal(0, v2.Exceptions.Active);
        Assert.Equal(new[] { "EX-1" }, v2.Exceptions.Expired);
        Assert.Equal(0.0, v2.Exceptions.WaivedShare);
        Assert.Equal(new[] { "EX-1" }, v3.Exceptions.Renewed);
        Assert.Equal((1, 59.0), (v3.Exceptions.Active, v3.Exceptions.MedianGrantedDays!.Value));
        Assert.Empty(v3.Exceptions.Created);
        Assert.Equal(new[] { ("2026-01", 1, 1) }, report.ExceptionsByMonth);

        // smtp rotated 2025-12-01 with a 30-day period: 31 days old at v1 and 42 at v2 (overdue); rotated 01-13, 1 day at v3.
        Assert.Equal(new[] { (0, 1), (0, 1), (1, 1) }, report.Releases.Select(r => (r.Rotation[^1].Compliant, r.Rotation[^1].Secrets)));
        Assert.Equal("smtp", v1.Rotation[^1].Overdue.Single().Name);

        // v1: ticket and trailer. v2: neither. v3: ticket and trailer, but Bob approves EX-1 in his own change.
        Assert.Equal(new[] { 0, 2, 1 }, report.Releases.Select(r => r.Changes.Single().Gaps.Count));
        Assert.Equal(new[] { "no ticket reference", "no approval (no reviewed merge, no Approved-by:/Reviewed-by: trailer)" }, v2.Changes.Single().Gaps);
        Assert.Equal("exception EX-1 approved by the change's author", v3.Changes.Single().Gaps.Single());
        Assert.Equal((3, 1, 0.3333), (report.Changes, report.CompleteChanges, report.AuditCompleteness!.Value));
    }

    [GitFact]
    public void Editing_an_exception_file_does_not_make_its_untouched_records_the_editors_own_approvals()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy)
            .Write("web.yaml", ReleaseHistory.Deployment("web"))
            .Write("exceptions/web.yaml", Exception("2026-02-28"))
            .Commit("2026-01-01", "waiver (OPS-9)\n\nReviewed-by: " + ReleaseHistory.Alice);
        history.Tag("v1");

        // Bob, EX-1's approver, adds EX-2 (approved by Alice) to the same file and leaves EX-1 as it was.
        var second = Exception("2026-02-28", ReleaseHistory.Alice).Replace("exceptions:\n", string.Empty).Replace("EX-1", "EX-2").Replace("names: [web]", "names: [api]");
        history.Write("exceptions/web.yaml", Exception("2026-02-28") + "\n" + second)
            .Commit("2026-01-05", "second waiver (OPS-11)\n\nReviewed-by: " + ReleaseHistory.Alice, ReleaseHistory.Bob);
        history.Tag("v2");

        var report = history.Measure();

        Assert.Equal(new[] { "EX-2" }, report.Releases[1].Exceptions.Created);
        Assert.Empty(report.Releases[1].Changes.Single().Gaps);
    }

    [GitFact]
    public void A_merged_pull_request_approves_its_commits_and_merges_touching_environment_paths_are_releases()
    {
        using var history = new ReleaseHistory();
        const string policy = ReleaseHistory.CorePolicy + "environments:\n  - name: production\n    paths: [\"apps/**\"]\nmetrics:\n  requireSignatures: true\n";
        history.Write("policykit.yaml", policy).Write("apps/web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-01-01", "start (OPS-1)\n\nReviewed-by: " + ReleaseHistory.Bob);
        TestGit.MustRun(history.Path, null, "checkout", "--quiet", "-b", "feature");
        history.Write("apps/web.yaml", ReleaseHistory.Deployment("web", "nginx:1.27")).Commit("2026-01-02", "nginx 1.27 (OPS-2)");
        TestGit.MustRun(history.Path, null, "checkout", "--quiet", "main");
        TestGit.MustRun(history.Path, ReleaseHistory.Person(ReleaseHistory.Bob, "2026-01-03"), "merge", "--no-ff", "--quiet", "-m", "Merge pull request #12 from shop/feature", "feature");
        TestGit.MustRun(history.Path, null, "checkout", "--quiet", "-b", "docs");
        history.Write("README.md", "# shop\n").Commit("2026-01-04", "readme (OPS-3)");
        TestGit.MustRun(history.Path, null, "checkout", "--quiet", "main");
        TestGit.MustRun(history.Path, ReleaseHistory.Person(ReleaseHistory.Bob, "2026-01-05"), "merge", "--no-ff", "--quiet", "-m", "Merge pull request #13 from shop/docs", "docs");

        var report = history.Measure("merges:main");

        // Only the first merge touches apps/**; its one change came through a reviewed pull request but is unsigned.
        var release = Assert.Single(report.Releases);
        Assert.Equal("Merge pull request #12 from shop/feature", TestGit.Run(history.Path, null, "log", "-1", "--format=%s", release.Release.Commit).Output.Trim());
        Assert.Equal(new[] { "nginx 1.27 (OPS-2)", "start (OPS-1)" }, release.Changes.Select(c => c.Subject).OrderBy(s => s));
        var change = release.Changes.Single(c => c.Subject == "nginx 1.27 (OPS-2)");
        Assert.True(change.Approval);
        Assert.Equal(new[] { "no verified signature" }, change.Gaps);
    }

    [GitFact]
    public void A_revert_within_the_failure_window_fails_the_release_it_reverts_and_restores_it()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Write("web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-01-01", "web");
        history.Tag("v1");
        var bad = history.Write("api.yaml", ReleaseHistory.Deployment("api")).Commit("2026-01-05", "api");
        history.Write("api.yaml", ReleaseHistory.Deployment("api", "nginx:1.27")).Commit("2026-01-07", "api 1.27");
        history.Tag("v2");
        history.Delete("api.yaml").Commit("2026-01-09", $"Revert \"api\"\n\nThis reverts commit {bad}.");
        history.Tag("v3");
        var late = history.Write("cron.yaml", ReleaseHistory.Deployment("cron")).Commit("2026-01-20", "cron");
        history.Tag("v4");
        history.Delete("cron.yaml").Commit("2026-02-20", $"Revert \"cron\"\n\nThis reverts commit {late}.");
        history.Tag("v5");

        var report = history.Measure();

        // v2 (01-07) is reverted by v3 (01-09): failed, restored in 2 days. v4 is reverted a month later, beyond the
        // 7-day default window: not a failure. 1 of 5 releases failed.
        Assert.Equal(new[] { false, true, false, false, false }, report.Releases.Select(r => r.Delivery.Failed));
        Assert.Equal(("revert", "v3", 2.0), (report.Releases[1].Delivery.FailureReason, report.Releases[1].Delivery.RestoredBy, report.Releases[1].Delivery.TimeToRestoreDays!.Value));
        Assert.Equal(0.2, report.ChangeFailureRate);
        Assert.Equal(2.0, report.MedianTimeToRestoreDays);

        // Lead times: v1 0 days; v2: api 2 days, api 1.27 0; v3 0; v4 0; v5 0 => median of [0, 2, 0, 0, 0, 0] is 0;
        // v2's own median is 1. Five releases over 50 days: 0.7 a week.
        Assert.Equal(new double?[] { 0, 1, 0, 0, 0 }, report.Releases.Select(r => r.Delivery.MedianLeadTimeDays));
        Assert.Equal(0.0, report.MedianLeadTimeDays);
        Assert.Equal(0.7, report.DeploymentsPerWeek);
    }
}
