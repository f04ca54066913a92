using System;
using System.IO;
using System.Linq;
using TestGit = PolicyKit.Policies.Tests.Exceptions.Git;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>
/// A kustomization is judged through its build: a release that changes a file the build reads must be judged again
/// (though the kustomization file kept its content), and a release that changes none of them takes the build over.
/// </summary>
public sealed class KustomizeMetricsTests
{
    private static bool KubectlOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(f => File.Exists(Path.Combine(f, "kubectl")));

    [SkippableFact]
    public void A_change_to_a_resource_the_kustomization_builds_is_judged_and_an_unchanged_build_is_taken_over()
    {
        Skip.IfNot(TestGit.IsAvailable, "git is not installed; the release history is read with git");
        Skip.IfNot(KubectlOnPath(), "kubectl is not installed; the kustomization is built with kubectl kustomize");
        using var history = new ReleaseHistory();

        // commonLabels keeps this kustomization from the in-process build, so kubectl builds it and the cache is exercised.
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Write("app/kustomization.yaml", "resources: [web.yaml]\ncommonLabels: {team: erp}\n").Write("app/web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-03-01", "web (OPS-1)");
        history.Tag("v1");
        var privileged = ReleaseHistory.Deployment("web", "nginx:1.27").Replace("image: nginx:1.27", "image: nginx:1.27\n          securityContext: {privileged: true}");
        history.Write("app/web.yaml", privileged).Commit("2026-03-08", "privileged web (OPS-2)");
        history.Tag("v2");
        history.Write("docs/notes.md", "release notes\n").Commit("2026-03-15", "release train with notes (OPS-3)");
        history.Tag("v3");
        history.Commit("2026-03-22", "release train (OPS-4)");
        history.Tag("v4");

        var report = history.Measure();

        // v2 only changed app/web.yaml, which the build reads: its privileged container is a new finding and a
        // privileged-access change, and the release deploys the new image. v3 added a path elsewhere, so its tree is
        // discovered afresh, but none of the build's inputs changed: v2's build is taken over. v4 changed nothing: it
        // follows v3's discovery (as v2 followed v1's, rendering the overlay again) and builds nothing.
        var all = report.Releases.Select(r => r.Violations[^1]).ToList();
        Assert.Contains(all[1].New, f => f.RuleId == "PK1007");
        Assert.Equal(new[] { 0, 1, 0, 0 }, report.Releases.Select(r => r.Access[^1].Count));
        Assert.Equal(new[] { "nginx:1.25", "nginx:1.27", "nginx:1.27", "nginx:1.27" }, report.Releases.Select(r => r.Provenance[^1].Unpinned.Single()));
        Assert.Equal(all[1].Findings, all[2].Findings);
        Assert.Equal(all[1].Findings, all[3].Findings);
        Assert.Equal(1, report.Cost.KustomizeBuildsReused);
        Assert.Equal(2, report.Cost.DiscoveriesReused);
    }
}
