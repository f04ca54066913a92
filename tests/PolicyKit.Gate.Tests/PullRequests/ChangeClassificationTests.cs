using System.Linq;
using System.Text.Json;

namespace PolicyKit.Gate.Tests.PullRequests;

/// <summary>
/// <c>policykit check --base REF</c> on real repositories: each finding of the head is new or existing by fingerprint,
/// base findings the head lacks are fixed, and by default only new blocking findings fail the gate.
/// </summary>
public sealed class ChangeClassificationTests
{
    private const string Latest = "registry.acme.example/odoo:latest";

    private static (string RuleId, string Change)[] Changes(PolicyKitResult run) =>
        JsonReport.Findings(run.StandardOutput)
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("change").GetString()!))
            .OrderBy(c => c.Item1, System.StringComparer.Ordinal).ThenBy(c => c.Item2, System.StringComparer.Ordinal)
            .ToArray();

    private static JsonElement Comparison(PolicyKitResult run) => JsonReport.Root(run.StandardOutput).GetProperty("comparison");

    [SkippableFact]
    public void A_new_violation_blocks_while_an_existing_one_does_not()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("web.yaml", ChangeManifests.Deployment("web", Latest));
        git.Commit("base: web runs a floating tag");
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", privileged: true));

        var run = git.Check("--base", "HEAD", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            new[] { ("PK1001", "existing"), ("PK1001", "new"), ("PK1002", "existing"), ("PK1007", "new") },
            Changes(run));
        Assert.Equal(1, Comparison(run).GetProperty("newBlocking").GetInt32());
        Assert.Equal("fail", JsonReport.Root(run.StandardOutput).GetProperty("summary").GetProperty("result").GetString());
    }

    [SkippableFact]
    public void Existing_blocking_findings_alone_pass_the_gate_and_fail_it_with_fail_on_existing()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("web.yaml", ChangeManifests.Deployment("web", Latest));
        git.Commit("base");
        git.Write("README.md", "unrelated change\n");

        var passing = git.Check("--base", "HEAD");
        var strict = git.Check("--base", "HEAD", "--fail-on-existing");

        Assert.Equal(0, passing.ExitCode);
        Assert.Contains("Gate    PASS  no new blocking findings", passing.StandardOutput);
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("Gate    FAIL  1 blocking finding (--fail-on-existing)", strict.StandardOutput);
    }

    [SkippableFact]
    public void A_reformatted_resource_moved_to_a_renamed_file_stays_existing()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("apps/web.yaml", ChangeManifests.Deployment("web", Latest));
        git.Commit("base");
        git.Delete("apps/web.yaml");
        git.Write("tenants/acme/frontend.yaml", "---\n# the web tier now lives with its tenant\n" + ChangeManifests.DeploymentReformatted("web", Latest));
        git.Commit("move and reformat web");

        var run = git.Check("--base", "HEAD~1", "--head", "HEAD", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(new[] { ("PK1001", "existing"), ("PK1002", "existing") }, Changes(run));
        Assert.Equal("tenants/acme/frontend.yaml", JsonReport.File(JsonReport.Findings(run.StandardOutput)[0]));
        Assert.Equal(0, Comparison(run).GetProperty("fixed").GetInt32());
    }

    [SkippableFact]
    public void A_finding_the_change_removes_is_reported_as_fixed()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("web.yaml", ChangeManifests.Deployment("web", Latest));
        git.Commit("base");
        git.Write("web.yaml", ChangeManifests.Deployment("web", "registry.acme.example/odoo:17.0"));

        var run = git.Check("--base", "HEAD", "--format", "json");
        var console = git.Check("--base", "HEAD");

        Assert.Equal(0, run.ExitCode);
        var fixedFindings = Comparison(run).GetProperty("fixedFindings").EnumerateArray().ToList();
        Assert.Equal(new[] { "PK1002" }, fixedFindings.Select(f => f.GetProperty("ruleId").GetString()).ToArray());
        Assert.Equal("web.yaml", fixedFindings[0].GetProperty("location").GetProperty("file").GetString());
        Assert.Equal(new[] { ("PK1001", "existing") }, Changes(run));
        Assert.Contains("  fixed  web.yaml:15:18  high  PK1002", console.StandardOutput);
    }

    [SkippableFact]
    public void A_namespace_label_changed_elsewhere_makes_an_unchanged_file_findings_new()
    {
        // The base side judges only changed files, unless a Namespace changed: its labels judge pods in other files.
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("namespace.yaml", ChangeManifests.Namespace("shop"));
        git.Write("web.yaml", ChangeManifests.Deployment("web", privileged: true));
        git.Write("worker.yaml", ChangeManifests.Deployment("worker"));
        git.Commit("base");
        git.Write("namespace.yaml", ChangeManifests.Namespace("shop", enforce: "baseline"));

        var run = git.Check("--base", "HEAD", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(("PK2002", "new"), Changes(run));
        Assert.Contains(("PK1007", "existing"), Changes(run));
        Assert.Equal(0, Comparison(run).GetProperty("baseFilesReused").GetInt32());
    }

    [SkippableFact]
    public void The_base_judges_only_the_files_the_change_touched()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("namespace.yaml", ChangeManifests.Namespace("shop", enforce: "baseline"));
        git.Write("web.yaml", ChangeManifests.Deployment("web", Latest));
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", Latest));
        git.Commit("base");
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", privileged: true));

        var run = git.Check("--base", "HEAD", "--format", "json");

        var comparison = Comparison(run);
        Assert.Equal((1, 2), (comparison.GetProperty("baseFilesJudged").GetInt32(), comparison.GetProperty("baseFilesReused").GetInt32()));
        Assert.Equal(1, comparison.GetProperty("fixed").GetInt32());
        Assert.Contains(("PK1002", "existing"), Changes(run));
        Assert.Contains(("PK1007", "new"), Changes(run));
    }

    [SkippableFact]
    public void A_baseline_report_classifies_like_the_base_commit_it_was_written_from()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("web.yaml", ChangeManifests.Deployment("web", Latest));
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", Latest));
        git.Commit("base");
        var baseline = git.Check("--format", "json", "--output", ".reports/baseline.json");
        Assert.Equal(1, baseline.ExitCode);
        git.Write("web.yaml", ChangeManifests.DeploymentReformatted("web", Latest));
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", privileged: true));
        git.Write("db.yaml", ChangeManifests.Deployment("db"));

        var fromBase = git.Check("--base", "HEAD", "--format", "json");
        var fromBaseline = git.Check("--baseline", ".reports/baseline.json", "--format", "json");

        Assert.Equal(fromBase.ExitCode, fromBaseline.ExitCode);
        Assert.Equal(Changes(fromBase), Changes(fromBaseline));
        foreach (var count in new[] { "new", "newBlocking", "existing", "fixed" })
        {
            Assert.Equal(Comparison(fromBase).GetProperty(count).GetInt32(), Comparison(fromBaseline).GetProperty(count).GetInt32());
        }

        Assert.Equal("baseline", Comparison(fromBaseline).GetProperty("basis").GetString());
    }
}
