using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Metrics;
using PolicyKit.Testing;
using GitHistory = PolicyKit.Policies.Git.GitHistory;
using TestGit = PolicyKit.Policies.Tests.Exceptions.Git;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>
/// A release is judged from the previous one (its discovery followed, its overlays rendered again only where a changed
/// file reaches, its unchanged files' findings taken over); each release must still come out exactly as judging it
/// alone does. The histories change what reuse could miss: a resource a build reads, the kustomization itself, a patch,
/// an ignore file, a path added.
/// </summary>
public sealed class IncrementalReleaseTests
{
    private static readonly string Privileged = ReleaseHistory.Deployment("web").Replace("image: nginx:1.25", "image: nginx:1.25\n          securityContext: {privileged: true}");

    [GitFact]
    public void Each_release_judged_after_the_previous_one_equals_the_release_judged_alone()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy)
            .Write(".gitignore", "scratch/\n")
            .Write("base/kustomization.yaml", "resources: [web.yaml]\n")
            .Write("base/web.yaml", ReleaseHistory.Deployment("web"))
            .Write("base/worker.yaml", ReleaseHistory.Deployment("worker"))
            .Write("extra/notes.yaml", ReleaseHistory.Deployment("notes"))
            .Commit("2026-04-01", "v1 (OPS-1)");
        history.Tag("v1");
        history.Write("base/web.yaml", Privileged).Commit("2026-04-02", "a resource the build reads (OPS-2)");
        history.Tag("v2");
        history.Write("base/kustomization.yaml", "resources: [web.yaml, worker.yaml]\n").Commit("2026-04-03", "the build takes the worker in (OPS-3)");
        history.Tag("v3");
        history.Write(".gitignore", "scratch/\nextra/\n").Commit("2026-04-04", "extra/ ignored (OPS-4)");
        history.Tag("v4");
        history.Write("base/worker.yaml", ReleaseHistory.Deployment("worker", "nginx:1.27")).Commit("2026-04-05", "worker upgrade (OPS-5)");
        history.Tag("v5");
        history.Write("apps/cache.yaml", ReleaseHistory.Deployment("cache")).Commit("2026-04-06", "a new file (OPS-6)");
        history.Tag("v6");
        history.Commit("2026-04-07", "release train (OPS-7)");
        history.Tag("v7");

        var (evaluator, followed) = JudgeInTurn(history.Path);
        var alone = JudgeAlone(history.Path);

        Assert.Equal(alone.Count, followed.Count);
        for (var i = 0; i < followed.Count; i++)
        {
            AssertSame(alone[i], followed[i]);
        }

        // The history did move the figures, so the comparison is not between unchanged releases: v2's privileged container
        // is judged through the rebuilt overlay; v3 judges the worker inside the build (its findings now carry the build
        // in their fingerprints); v4 no longer reads the ignored notes; v5 deploys the new image; v6 judges the new file.
        Assert.DoesNotContain(followed[0].Findings, f => f.RuleId == "PK1007");
        Assert.Contains(followed[1].Findings, f => f.RuleId == "PK1007" && f.File == "base/web.yaml");
        Assert.Empty(Fingerprints(followed[1], "base/worker.yaml").Intersect(Fingerprints(followed[2], "base/worker.yaml")));
        Assert.NotEmpty(Fingerprints(followed[2], "base/worker.yaml"));
        Assert.NotEmpty(Fingerprints(followed[2], "extra/notes.yaml"));
        Assert.Empty(Fingerprints(followed[3], "extra/notes.yaml"));
        Assert.DoesNotContain(followed[3].Images, i => i.Reference == "nginx:1.27");
        Assert.Contains(followed[4].Images, i => i.Reference == "nginx:1.27");
        Assert.Empty(Fingerprints(followed[4], "apps/cache.yaml"));
        Assert.NotEmpty(Fingerprints(followed[5], "apps/cache.yaml"));

        // v2, v5 and v7 changed only contents outside what shapes discovery: they follow the previous release's. v3 (the
        // kustomization), v4 (an ignore file) and v6 (a new path) are discovered afresh.
        Assert.Equal(3, evaluator.DiscoveriesReused);
    }

    [SkippableFact]
    public void A_changed_patch_file_is_read_again()
    {
        Skip.IfNot(TestGit.IsAvailable, "git is not installed; the release history is read with git");
        Skip.IfNot(KubectlOnPath(), "kubectl is not installed; a kustomization with patches is built with kubectl kustomize");
        using var history = new ReleaseHistory();
        const string Patch = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          securityContext: {privileged: true}\n";
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy)
            .Write("app/kustomization.yaml", "resources: [web.yaml]\npatches:\n  - path: patch.yaml\n")
            .Write("app/web.yaml", ReleaseHistory.Deployment("web"))
            .Write("app/patch.yaml", Patch)
            .Commit("2026-05-01", "v1 (OPS-1)");
        history.Tag("v1");

        // Two lines more above the privileged container: the finding moves down in the patch, which discovery reads with
        // the kustomization. Following the previous discovery would build the new patch but locate with the old one.
        history.Write("app/patch.yaml", Patch.Replace("spec:\n  template:", "spec:\n  replicas: 2\n  minReadySeconds: 5\n  template:")).Commit("2026-05-02", "patch grows (OPS-2)");
        history.Tag("v2");

        var (_, followed) = JudgeInTurn(history.Path);
        var alone = JudgeAlone(history.Path);

        AssertSame(alone[1], followed[1]);
        var before = Assert.Single(followed[0].Findings, f => f.RuleId == "PK1007");
        var after = Assert.Single(followed[1].Findings, f => f.RuleId == "PK1007");
        Assert.Equal(("app/patch.yaml", before.Line + 2), (after.File, after.Line));
    }

    [GitFact]
    public void Tenants_of_the_odoo_sample_judged_release_after_release_equal_each_release_judged_alone()
    {
        using var history = new ReleaseHistory();
        var sample = RepositoryPaths.Combine("samples", "odoo-distribution");
        history.Write("policykit.yaml", File.ReadAllText(Path.Combine(sample, "policykit.yaml")));
        foreach (var file in Directory.GetFiles(Path.Combine(sample, "provenance")))
        {
            history.Write("provenance/" + Path.GetFileName(file), File.ReadAllText(file));
        }

        foreach (var tenant in new[] { "t1", "t2", "t3" })
        {
            foreach (var file in Directory.GetFiles(sample, "*.yaml").Where(f => Path.GetFileName(f) != "policykit.yaml"))
            {
                history.Write($"tenants/{tenant}/{Path.GetFileName(file)}", Tenant(File.ReadAllText(file), tenant));
            }
        }

        history.Commit("2026-06-01", "three tenants (OPS-1)");
        history.Tag("v1");
        Change(history, "tenants/t1/odoo-web.yaml", "  name: odoo-web\n", "  name: odoo-web\n  annotations: {release: \"2\"}\n").Commit("2026-06-02", "annotation (OPS-2)");
        history.Tag("v2");
        Change(history, "tenants/t2/config.yaml", "proxy_mode = True", "proxy_mode = False").Commit("2026-06-03", "t2 proxy mode off (OPS-3)");
        history.Tag("v3");
        Change(history, "tenants/t3/kustomization.yaml", "resources:", "commonAnnotations: {team: erp}\nresources:").Commit("2026-06-04", "t3 annotated (OPS-4)");
        history.Tag("v4");
        Change(history, "tenants/t1/services.yaml", "app.kubernetes.io/component: web\n  ports:", "app.kubernetes.io/component: webx\n  ports:").Commit("2026-06-05", "t1 web Service selects nothing (OPS-5)");
        history.Tag("v5");
        history.Commit("2026-06-06", "release train (OPS-6)");
        history.Tag("v6");

        var (evaluator, followed) = JudgeInTurn(history.Path);
        var alone = JudgeAlone(history.Path);

        for (var i = 0; i < followed.Count; i++)
        {
            AssertSame(alone[i], followed[i]);
        }

        // The cross-resource phase moved with the changes: t2's proxy_mode off is PK8001 at t2 only from v3 on, and t1's
        // web Service that selects nothing takes the route away from t1's Odoo in v5 (its PK8001-style findings change).
        Assert.DoesNotContain(followed[1].Findings, f => f.RuleId == "PK8001");
        Assert.Contains(followed[2].Findings, f => f.RuleId == "PK8001" && f.File.StartsWith("tenants/t2/", StringComparison.Ordinal));
        Assert.NotEqual(Fingerprints(followed[3]), Fingerprints(followed[4]));
        Assert.Equal(Fingerprints(followed[4]), Fingerprints(followed[5]));
        Assert.Equal(4, evaluator.DiscoveriesReused);
    }

    private static string Tenant(string text, string tenant) =>
        text.Replace("odoo-acme", "odoo-" + tenant).Replace("acme-distribution", "tenant-" + tenant);

    private static ReleaseHistory Change(ReleaseHistory history, string path, string from, string to)
    {
        var text = File.ReadAllText(Path.Combine(history.Path, path));
        Assert.Contains(from, text, StringComparison.Ordinal);
        return history.Write(path, text.Replace(from, to));
    }

    private static HashSet<string> Fingerprints(ReleaseFacts release) =>
        new(release.Findings.Select(f => f.Fingerprint), StringComparer.Ordinal);

    private static bool KubectlOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(f => File.Exists(Path.Combine(f, "kubectl")));

    private static IReadOnlyList<Release> Releases(GitHistory git) =>
        ReleaseDiscovery.Discover(git, ReleaseSelection.Parse("tags"), null, null, Array.Empty<string>());

    private static (ReleaseEvaluator Evaluator, IReadOnlyList<ReleaseFacts> Facts) JudgeInTurn(string repository)
    {
        var git = GitHistory.Open(repository);
        var evaluator = new ReleaseEvaluator(git);
        return (evaluator, evaluator.Evaluate(Releases(git), Array.Empty<string>()));
    }

    /// <summary>Every release judged by an evaluator of its own: nothing carried over from another release.</summary>
    private static IReadOnlyList<ReleaseFacts> JudgeAlone(string repository)
    {
        var git = GitHistory.Open(repository);
        return Releases(git).Select(release => new ReleaseEvaluator(git).Evaluate(new[] { release }, Array.Empty<string>()).Single()).ToList();
    }

    private static HashSet<string> Fingerprints(ReleaseFacts release, string file) =>
        new(release.Findings.Where(f => f.File == file).Select(f => f.Fingerprint), StringComparer.Ordinal);

    private static void AssertSame(ReleaseFacts expected, ReleaseFacts actual)
    {
        Assert.Equal(expected.Release, actual.Release);
        Assert.Equal(expected.PolicyError, actual.PolicyError);
        Assert.Equal(expected.Findings, actual.Findings);
        Assert.Equal(expected.Resources.OrderBy(r => r.Key, StringComparer.Ordinal), actual.Resources.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Images, actual.Images);
        Assert.Equal(expected.Rotation, actual.Rotation);
        Assert.Equal(expected.FilesTotal, actual.FilesTotal);
    }
}
