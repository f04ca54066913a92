using System.IO;

namespace PolicyKit.Gate.Tests;

/// <summary>What the gate says when a command, a subcommand, a path or an output is wrong, and what its help promises.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Unknown_command_is_named_and_the_nearest_suggested()
    {
        using var folder = new TempDirectory();

        var result = folder.Run("chek", ".");

        GateAssert.UsageError(result, "unknown command 'chek'");
        Assert.Contains("did you mean 'check'", result.StandardError);
    }

    [Fact]
    public void Exceptions_without_a_subcommand_shows_its_own_help()
    {
        using var folder = new TempDirectory();

        var result = folder.Run("exceptions");

        GateAssert.ExitCode(2, result);
        Assert.Contains("policykit exceptions [command]", result.StandardError);
        Assert.Contains("report", result.StandardError);
        Assert.DoesNotContain("Required command was not provided", result.StandardError);
    }

    [Fact]
    public void Exceptions_report_on_a_missing_path_says_the_path_does_not_exist()
    {
        using var folder = new TempDirectory();

        var result = folder.Run("exceptions", "report", "nope");

        GateAssert.UsageError(result, "path 'nope' does not exist");
        Assert.DoesNotContain("policykit.yaml", result.StandardError);
    }

    [Fact]
    public void Output_naming_a_folder_says_it_is_a_folder()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);
        Directory.CreateDirectory(folder.Combine("reports"));

        var check = folder.Run("check", "odoo.yaml", "--format", "json", "--output", "reports");

        GateAssert.UsageError(check, "--output reports is a folder");
    }

    [Fact]
    public void Top_level_help_lists_every_exit_code()
    {
        using var folder = new TempDirectory();

        var result = folder.Run("--help");

        GateAssert.ExitCode(0, result);
        Assert.Contains("0 pass", result.StandardOutput);
        Assert.Contains("2 usage or configuration error", result.StandardOutput);
        Assert.Contains("3 internal error", result.StandardOutput);
    }

    [Fact]
    public void Category_no_loaded_rule_has_is_a_usage_error_listing_the_loaded_categories()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.PinnedDeployment);

        // Every category but governance has a rule in the default packs; the governance pack only joins change reviews.
        var result = folder.Run("check", ".", "--category", "governance");

        GateAssert.UsageError(result, "no loaded rule has category 'governance'");
        Assert.Contains("the categories of the loaded rules are availability, ", result.StandardError);
        Assert.Contains(", workload", result.StandardError);
    }

    [Fact]
    public void No_command_shows_the_help_and_is_a_usage_error()
    {
        using var folder = new TempDirectory();

        var result = folder.Run();

        GateAssert.ExitCode(2, result);
        Assert.Contains("Commands:", result.StandardError);
        Assert.Contains("check", result.StandardError);
        Assert.DoesNotContain("Required command was not provided", result.StandardError);
    }
}
