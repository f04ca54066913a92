namespace PolicyKit.Gate.Tests;

/// <summary>Exit code 0 when nothing reaches the fail threshold, 1 when something does; what is checked is up to the flags.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public void Clean_manifest_passes_with_exit_code_0()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".");

        GateAssert.ExitCode(0, result);
        Assert.Contains("PASS  no findings", result.StandardOutput);
    }

    [Fact]
    public void High_finding_fails_with_exit_code_1_under_the_default_threshold()
    {
        using var folder = new TempDirectory();
        folder.Write("service.yaml", Manifests.NodePortService);

        var result = folder.Run("check", ".");

        GateAssert.ExitCode(1, result);
        Assert.Contains("service.yaml  (policy-wide: fail on high)\n  ✗ 7:9  ", result.StandardOutput);
    }

    [Fact]
    public void Finding_below_the_threshold_is_reported_but_does_not_block()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment);

        var result = folder.Run("check", ".");

        GateAssert.ExitCode(0, result);
        Assert.Contains("odoo.yaml  (policy-wide: fail on high)\n    20:18  medium  PK1001", result.StandardOutput);
        Assert.Contains("1 finding (1 medium), 0 blocking", result.StandardOutput);
    }

    [Fact]
    public void Fail_on_none_passes_despite_blocking_findings()
    {
        using var folder = new TempDirectory();
        folder.Write("service.yaml", Manifests.NodePortService);

        var result = folder.Run("check", ".", "--fail-on", "none");

        GateAssert.ExitCode(0, result);
        Assert.Contains("PK1014", result.StandardOutput);
    }

    [Fact]
    public void Fail_on_critical_passes_when_the_worst_finding_is_high()
    {
        using var folder = new TempDirectory();
        folder.Write("service.yaml", Manifests.NodePortService);

        var result = folder.Run("check", ".", "--fail-on", "critical");

        GateAssert.ExitCode(0, result);
        Assert.Contains("PK1014", result.StandardOutput);
    }

    [Fact]
    public void Fail_on_medium_blocks_a_medium_finding()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment);

        var result = folder.Run("check", ".", "--fail-on", "medium");

        GateAssert.ExitCode(1, result);
    }

    [Fact]
    public void Category_filter_reports_only_rules_of_that_category()
    {
        using var folder = new TempDirectory();
        folder.Write("service.yaml", Manifests.NodePortService);
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment);

        var result = folder.Run("check", ".", "--category", "network");

        GateAssert.ExitCode(1, result);
        Assert.Contains("PK1014", result.StandardOutput);
        Assert.DoesNotContain("PK1001", result.StandardOutput);
    }

    [Fact]
    public void Category_filter_that_excludes_the_blocking_finding_passes()
    {
        using var folder = new TempDirectory();
        folder.Write("service.yaml", Manifests.NodePortService);
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment);

        var result = folder.Run("check", ".", "--category", "provenance");

        GateAssert.ExitCode(0, result);
        Assert.Contains("PK1001", result.StandardOutput);
        Assert.DoesNotContain("PK1014", result.StandardOutput);
    }

    [Fact]
    public void Category_filter_still_reports_input_problems()
    {
        using var folder = new TempDirectory();
        folder.Write("service.yaml", Manifests.NodePortService);
        folder.Write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"broken\n");

        var result = folder.Run("check", ".", "--category", "provenance");

        GateAssert.ExitCode(1, result);
        Assert.Contains("broken.yaml  (policy-wide: fail on high)\n  ✗ 4:9  high  PK0001", result.StandardOutput);
    }
}
