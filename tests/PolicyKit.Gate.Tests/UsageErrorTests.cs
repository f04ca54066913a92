namespace PolicyKit.Gate.Tests;

/// <summary>
/// A usage or configuration error judges nothing: exit code 2, one line on standard error saying why, and never a
/// stack trace.
/// </summary>
public sealed class UsageErrorTests
{
    [Fact]
    public void Unknown_flag_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".", "--frobnicate");

        GateAssert.UsageError(result, "--frobnicate");
    }

    [Fact]
    public void Bad_fail_on_value_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".", "--fail-on", "severe");

        GateAssert.UsageError(result, "severe");
    }

    [Fact]
    public void Missing_path_is_a_usage_error()
    {
        using var folder = new TempDirectory();

        var result = folder.Run("check", "no-such-folder");

        GateAssert.UsageError(result, "no-such-folder");
    }

    [Fact]
    public void Unknown_key_in_policykit_yaml_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("policykit.yaml", "failOn: high\nfailOnn: medium\n");
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".");

        GateAssert.UsageError(result, "policykit.yaml:2");
        Assert.Contains("failOnn", result.StandardError);
    }

    [Fact]
    public void Bad_failOn_in_policykit_yaml_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("policykit.yaml", "packs:\n  - name: core\n    version: \"^1.0\"\nfailOn: sometimes\n");
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".");

        GateAssert.UsageError(result, "policykit.yaml:4");
        Assert.Contains("sometimes", result.StandardError);
    }

    [Fact]
    public void Malformed_policykit_yaml_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("policykit.yaml", "failOn: \"high\n");
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".");

        GateAssert.UsageError(result, "policykit.yaml");
    }

    [Fact]
    public void Config_pointing_nowhere_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".", "--config", "missing/policykit.yaml");

        GateAssert.UsageError(result, "missing/policykit.yaml");
    }

    [Fact]
    public void Unknown_category_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".", "--category", "networking");

        GateAssert.UsageError(result, "networking");
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".", "--format", "xml");

        GateAssert.UsageError(result, "xml");
    }

    [Fact]
    public void Two_reports_to_standard_output_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".", "--format", "json", "--format", "sarif");

        GateAssert.UsageError(result, "standard output");
    }

    [Fact]
    public void Unknown_environment_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("policykit.yaml", "environments:\n  - name: prod\n    paths: [\"prod/**\"]\n");
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        var result = folder.Run("check", ".", "--env", "qa");

        GateAssert.UsageError(result, "qa");
    }
}
