using System.IO;

namespace PolicyKit.Gate.Tests;

/// <summary><c>policykit explain</c> reads from the rule file; <c>policykit init</c> writes a starter policy the gate accepts.</summary>
public sealed class ExplainAndInitTests
{
    [Fact]
    public void Explain_shows_rationale_remediation_and_examples_from_the_rule_file()
    {
        using var folder = new TempDirectory();

        var result = folder.Run("explain", "PK1002");

        GateAssert.ExitCode(0, result);
        var prose = System.Text.RegularExpressions.Regex.Replace(result.StandardOutput, "\n {4}(?=[A-Za-z])", " ");
        Assert.StartsWith("PK1002  Image tag latest or missing\n", result.StandardOutput);
        Assert.Contains("A pod rescheduled overnight can then start a different Odoo major version", prose);
        Assert.Contains("Reference an explicit version tag", prose);
        Assert.Contains("Fails: Deployment using odoo:latest", result.StandardOutput);
        Assert.Contains("              image: odoo:latest", result.StandardOutput);
        Assert.Contains("Passes: Deployment with an explicit version tag", result.StandardOutput);
    }

    [Fact]
    public void Explain_of_an_unknown_id_is_a_usage_error_naming_the_nearest_ids()
    {
        using var folder = new TempDirectory();

        var result = folder.Run("explain", "PK1020");

        GateAssert.UsageError(result, "no rule 'PK1020'");
        Assert.Contains("PK1002", result.StandardError);
    }

    [Fact]
    public void Init_writes_environments_for_overlay_folders_and_the_gate_accepts_the_file()
    {
        using var folder = new TempDirectory();
        File.Delete(folder.Combine("policykit.yaml"));
        folder.Write("deploy/base/odoo.yaml", Manifests.PinnedDeployment);
        folder.Write("deploy/overlays/production/odoo.yaml", Manifests.UnpinnedDeployment);
        folder.Write("deploy/overlays/staging/odoo.yaml", Manifests.UnpinnedDeployment);

        var init = folder.Run("init");
        var check = folder.Run("check", ".", "--format", "json");

        GateAssert.ExitCode(0, init);
        var policy = folder.ReadText("policykit.yaml");
        Assert.Contains("  - name: \"production\"\n    paths: [\"deploy/overlays/production/**\"]\n    failOn: medium", policy);
        Assert.Contains("  - name: \"staging\"\n    paths: [\"deploy/overlays/staging/**\"]", policy);
        Assert.Contains("  - name: core\n    version: \"^1.", policy);
        GateAssert.ExitCode(1, check);
        Assert.Contains("\"environment\": \"production\"", check.StandardOutput);
        Assert.Contains("\"environment\": \"staging\"", check.StandardOutput);
    }

    [Fact]
    public void Init_refuses_to_replace_a_policy_file_without_force()
    {
        using var folder = new TempDirectory();

        var refused = folder.Run("init");
        var kept = folder.ReadText("policykit.yaml");
        var forced = folder.Run("init", "--force");

        GateAssert.UsageError(refused, "already exists");
        Assert.Equal(TempDirectory.DefaultPolicy, kept);
        GateAssert.ExitCode(0, forced);
        Assert.Contains("packs:", folder.ReadText("policykit.yaml"));
    }
}
