using System.Linq;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// One policy, two environments: the same medium finding blocks under <c>prod/**</c> (fail on medium) and not under
/// <c>staging/**</c> (fail on critical).
/// </summary>
public sealed class EnvironmentTests
{
    private const string Policy = """
        failOn: high
        environments:
          - name: prod
            paths: ["prod/**"]
            failOn: medium
          - name: staging
            paths: ["staging/**"]
            failOn: critical

        """;

    [Fact]
    public void Medium_finding_blocks_in_an_environment_that_fails_on_medium()
    {
        using var folder = TwoEnvironments();

        var result = folder.Run("check", "prod");

        GateAssert.ExitCode(1, result);
        Assert.Contains("prod/odoo.yaml  (prod: fail on medium)\n  ✗ 20:18  medium  PK1001", result.StandardOutput);
    }

    [Fact]
    public void Medium_finding_does_not_block_in_an_environment_that_fails_on_critical()
    {
        using var folder = TwoEnvironments();

        var result = folder.Run("check", "staging");

        GateAssert.ExitCode(0, result);
        Assert.Contains("staging/odoo.yaml  (staging: fail on critical)\n    20:18  medium  PK1001", result.StandardOutput);
    }

    [Fact]
    public void Json_findings_name_the_environment_that_judged_them()
    {
        using var folder = TwoEnvironments();

        var result = folder.Run("check", ".", "--format", "json");

        GateAssert.ExitCode(1, result);
        var prod = GateAssert.SingleFinding(result, "PK1001", "prod/odoo.yaml");
        var staging = GateAssert.SingleFinding(result, "PK1001", "staging/odoo.yaml");
        Assert.Equal("prod", prod.GetProperty("environment").GetString());
        Assert.True(prod.GetProperty("blocking").GetBoolean());
        Assert.Equal("staging", staging.GetProperty("environment").GetString());
        Assert.False(staging.GetProperty("blocking").GetBoolean());
    }

    [Fact]
    public void Env_flag_judges_every_input_as_the_named_environment()
    {
        using var folder = TwoEnvironments();

        var result = folder.Run("check", ".", "--env", "prod", "--format", "json");

        GateAssert.ExitCode(1, result);
        var findings = JsonReport.Findings(result.StandardOutput);
        Assert.Equal(["prod/odoo.yaml", "staging/odoo.yaml"], findings.Select(JsonReport.File));
        Assert.All(findings, f => Assert.Equal("prod", f.GetProperty("environment").GetString()));
        Assert.All(findings, f => Assert.True(f.GetProperty("blocking").GetBoolean()));
    }

    [Fact]
    public void Env_flag_can_let_a_stricter_environment_pass()
    {
        using var folder = TwoEnvironments();

        var result = folder.Run("check", "prod", "--env", "staging");

        GateAssert.ExitCode(0, result);
        Assert.Contains("prod/odoo.yaml  (staging: fail on critical)\n    20:18  medium  PK1001", result.StandardOutput);
    }

    [Fact]
    public void Fail_on_flag_overrides_every_environment()
    {
        using var folder = TwoEnvironments();

        var result = folder.Run("check", ".", "--fail-on", "critical");

        GateAssert.ExitCode(0, result);
    }

    private static TempDirectory TwoEnvironments()
    {
        var folder = new TempDirectory();
        folder.Write("policykit.yaml", Policy);
        folder.Write("prod/odoo.yaml", Manifests.UnpinnedDeployment);
        folder.Write("staging/odoo.yaml", Manifests.UnpinnedDeployment);
        return folder;
    }
}
