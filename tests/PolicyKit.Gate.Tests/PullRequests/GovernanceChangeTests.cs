using System.Linq;

namespace PolicyKit.Gate.Tests.PullRequests;

/// <summary>
/// The base's policy and exception records judge a change, so a pull request cannot pass by loosening them: what it
/// loosens is reported as <c>governance</c> findings in the changed file, and they block.
/// </summary>
public sealed class GovernanceChangeTests
{
    /// <summary>Valid on 2026-11-25: 25 days long, within the 30 days a critical rule allows, and not yet expiring.</summary>
    private const string Exception = """
        exceptions:
          - id: EX-2026-031
            rules: [PK1007]
            scope: { namespaces: [shop], kinds: [Deployment], names: [worker] }
            owner: maria.lopez@acme.example
            approver: jonas.berg@acme.example
            justification: The worker needs device access until CHG-5120 moves it to a plugin.
            ticket: CHG-5120
            created: 2026-11-20
            expires: 2026-12-15
        """;

    private static (string RuleId, string Change, string File, int Line)[] Findings(PolicyKitResult run) =>
        JsonReport.Findings(run.StandardOutput)
            .Select(f => (f.GetProperty("ruleId").GetString()!, f.GetProperty("change").GetString()!, JsonReport.File(f)!, JsonReport.Line(f)))
            .Where(f => f.Item1 != "PK1001")
            .ToArray();

    [SkippableFact]
    public void A_change_that_disables_the_rule_it_violates_still_fails_and_is_reported()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("worker.yaml", ChangeManifests.Deployment("worker"));
        git.Commit("base");
        git.Write("policykit.yaml", "failOn: high\nrules:\n  PK1007: { enabled: false }\n");
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", privileged: true));

        var run = git.Check("--base", "HEAD", "--format", "json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            new[] { ("PK5001", "new", "policykit.yaml", 3), ("PK1007", "new", "worker.yaml", 25) },
            Findings(run));
        var governance = JsonReport.Findings(run.StandardOutput).Single(f => f.GetProperty("ruleId").GetString() == "PK5001");
        Assert.Equal(("governance", true, "rules.PK1007.enabled"), (governance.GetProperty("category").GetString(), governance.GetProperty("blocking").GetBoolean(), governance.GetProperty("field").GetString()));
    }

    [SkippableFact]
    public void A_change_that_disables_a_rule_and_adds_no_violation_still_fails_on_the_governance_finding()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("worker.yaml", ChangeManifests.Deployment("worker"));
        git.Commit("base");
        git.Write("policykit.yaml", "failOn: critical\n");

        var run = git.Check("--base", "HEAD");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("policykit.yaml  (policy-wide: fail on high)", run.StandardOutput);
        Assert.Contains("1:9  high    PK5003  the change lowers the fail threshold for the whole policy from high to critical", run.StandardOutput);
    }

    [SkippableFact]
    public void An_exception_added_with_the_violation_it_waives_waives_nothing_in_that_change()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("worker.yaml", ChangeManifests.Deployment("worker"));
        git.Commit("base");
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", privileged: true));
        git.Write("exceptions/worker.yaml", Exception);

        var run = git.Check("--base", "HEAD", "--format", "json", "--now", "2026-11-25");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            new[] { ("PK5008", "new", "exceptions/worker.yaml", 2), ("PK1007", "new", "worker.yaml", 25) },
            Findings(run));
        var privileged = JsonReport.Findings(run.StandardOutput).Single(f => f.GetProperty("ruleId").GetString() == "PK1007");
        Assert.False(privileged.GetProperty("suppressed").GetBoolean());
    }

    [SkippableFact]
    public void With_the_heads_policy_the_approved_exception_applies_and_the_report_says_whose_policy_judged()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("worker.yaml", ChangeManifests.Deployment("worker"));
        git.Commit("base");
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", privileged: true));
        git.Write("exceptions/worker.yaml", Exception);

        var run = git.Check("--base", "HEAD", "--policy", "head", "--format", "json", "--now", "2026-11-25");
        var console = git.Check("--base", "HEAD", "--policy", "head", "--now", "2026-11-25");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("head", JsonReport.Root(run.StandardOutput).GetProperty("comparison").GetProperty("policyFrom").GetString());
        var governance = JsonReport.Findings(run.StandardOutput).Single(f => f.GetProperty("ruleId").GetString() == "PK5008");
        Assert.False(governance.GetProperty("blocking").GetBoolean());
        var privileged = JsonReport.Findings(run.StandardOutput).Single(f => f.GetProperty("ruleId").GetString() == "PK1007");
        Assert.Equal("EX-2026-031", privileged.GetProperty("suppression").GetProperty("exceptionId").GetString());
        Assert.Contains("policy from the head (--policy head)", console.StandardOutput);
    }

    [SkippableFact]
    public void Extending_an_exception_is_a_governance_finding_at_its_expiry()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("worker.yaml", ChangeManifests.Deployment("worker", privileged: true));
        git.Write("exceptions/worker.yaml", Exception);
        git.Commit("base");
        git.Write("exceptions/worker.yaml", Exception.Replace("expires: 2026-12-15", "expires: 2027-04-15"));

        var run = git.Check("--base", "HEAD", "--format", "json", "--now", "2026-11-25");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(new[] { ("PK5010", "new", "exceptions/worker.yaml", 10), ("PK1007", "existing", "worker.yaml", 25) }, Findings(run));
        var privileged = JsonReport.Findings(run.StandardOutput).Single(f => f.GetProperty("ruleId").GetString() == "PK1007");
        Assert.True(privileged.GetProperty("suppressed").GetBoolean());
    }
}
