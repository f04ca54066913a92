namespace PolicyKit.Gate.Tests;

/// <summary><c>policykit check -</c> reads a manifest from standard input, as in <c>helm template . | policykit check -</c>.</summary>
public sealed class StandardInputTests
{
    [Fact]
    public void Manifest_piped_to_standard_input_gives_findings_located_in_stdin()
    {
        using var folder = new TempDirectory();

        var result = folder.RunWithInput(Manifests.NodePortService, "check", "-", "--format", "json");

        GateAssert.ExitCode(1, result);
        var finding = GateAssert.SingleFinding(result, "PK1014", "<stdin>");
        Assert.Equal(7, JsonReport.Line(finding));
        Assert.Equal(9, JsonReport.Column(finding));
    }

    [Fact]
    public void Console_report_names_standard_input_as_stdin()
    {
        using var folder = new TempDirectory();

        var result = folder.RunWithInput(Manifests.NodePortService, "check", "-");

        GateAssert.ExitCode(1, result);
        Assert.Contains("<stdin>  (policy-wide: fail on high)\n  ✗ 7:9  high  PK1014", result.StandardOutput);
    }

    [Fact]
    public void Standard_input_is_checked_together_with_named_files()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment);

        var result = folder.RunWithInput(Manifests.NodePortService, "check", "odoo.yaml", "-", "--format", "json");

        GateAssert.ExitCode(1, result);
        GateAssert.SingleFinding(result, "PK1014", "<stdin>");
        GateAssert.SingleFinding(result, "PK1001", "odoo.yaml");
    }

    [Fact]
    public void Empty_standard_input_is_an_empty_file()
    {
        using var folder = new TempDirectory();

        var result = folder.RunWithInput(string.Empty, "check", "-", "--format", "json");

        GateAssert.ExitCode(1, result);
        GateAssert.SingleFinding(result, "PK0005", "<stdin>");
    }
}
