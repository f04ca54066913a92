using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// The README's first command, <c>policykit check samples/odoo-distribution</c>, run from the repository root. The
/// sample's README lists the deliberate violations and exception records the approved reports must show, and no others.
/// </summary>
public sealed class SampleTests
{
    private const string Sample = "samples/odoo-distribution";

    /// <summary>The sample's exception records expire; judging on a fixed day keeps the approved reports true.</summary>
    internal const string Today = "2026-11-28";

    private static PolicyKitResult Check(params string[] options) =>
        PolicyKitProcess.Run([.. new[] { "check", Sample, "--now", Today }, .. options], RepositoryPaths.Root);

    [Fact]
    public void Sample_produces_findings_and_exit_code_1()
    {
        var result = Check();

        GateAssert.ExitCode(1, result);
        Assert.Contains("samples/odoo-distribution/services.yaml  (production: fail on medium)\n  ✗ 38:9  high      PK1014", result.StandardOutput);
        Assert.Contains("PK1014", result.StandardOutput);
        Assert.Contains("FAIL  20 findings (1 critical, 10 high, 7 medium, 2 low), 14 blocking, 4 suppressed", result.StandardOutput);
    }

    [Fact]
    public void Console_report_is_plain_when_standard_output_is_redirected()
    {
        var result = Check();

        Assert.DoesNotContain("\u001b[", result.StandardOutput);
    }

    [Fact]
    public void Sample_console_report_matches_the_approved_output()
    {
        var result = Check();

        GateAssert.ExitCode(1, result);
        Golden.Verify(result.StandardOutput, "tests", "PolicyKit.Gate.Tests", "Approved", "sample.console.txt");
    }

    [Fact]
    public void Sample_json_report_matches_the_approved_output()
    {
        var result = Check("--format", "json");

        GateAssert.ExitCode(1, result);
        Golden.Verify(result.StandardOutput, "tests", "PolicyKit.Gate.Tests", "Approved", "sample.json");
    }

    [Fact]
    public void Sample_sarif_report_matches_the_approved_output()
    {
        var result = Check("--format", "sarif");

        GateAssert.ExitCode(1, result);
        Golden.Verify(result.StandardOutput, "tests", "PolicyKit.Gate.Tests", "Approved", "sample.sarif");
    }
}
