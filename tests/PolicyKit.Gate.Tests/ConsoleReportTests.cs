using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// The console report on many findings: one heading per file naming its environment and threshold, blocking findings
/// marked, the listing capped, counts by rule and environment, and lines that fit the terminal.
/// </summary>
public sealed class ConsoleReportTests
{
    private static readonly Regex FindingLine = new(@"^  (✗ |  )\d+:\d+ ", RegexOptions.Multiline);

    /// <summary><paramref name="count"/> Deployments in one stream, each with one PK1001 finding (medium).</summary>
    private static string UnpinnedDeployments(int count) =>
        string.Join("---\n", Enumerable.Range(1, count).Select(i => Manifests.UnpinnedDeployment.Replace("  name: odoo\n  namespace", $"  name: odoo-{i}\n  namespace")));

    [Fact]
    public void Each_file_path_is_written_once_as_a_heading_with_its_environment_and_threshold()
    {
        using var folder = new TempDirectory();
        folder.Write("tenant/odoo.yaml", UnpinnedDeployments(3));

        var result = folder.Run("check", "tenant");

        GateAssert.ExitCode(0, result);
        Assert.Single(Regex.Matches(result.StandardOutput, "tenant/odoo.yaml"));
        Assert.Contains("tenant/odoo.yaml  (policy-wide: fail on high)", result.StandardOutput);
        Assert.Equal(3, FindingLine.Matches(result.StandardOutput).Count);
    }

    [Fact]
    public void Blocking_findings_are_marked_and_their_environment_threshold_named()
    {
        using var folder = new TempDirectory();
        folder.Write("policykit.yaml", "failOn: high\nenvironments:\n  - name: production\n    paths: [\"prod/**\"]\n    failOn: medium\n  - name: staging\n    paths: [\"staging/**\"]\n");
        folder.Write("prod/odoo.yaml", UnpinnedDeployments(1));
        folder.Write("staging/odoo.yaml", UnpinnedDeployments(2));

        var result = folder.Run("check", ".");

        GateAssert.ExitCode(1, result);
        Assert.Contains("prod/odoo.yaml  (production: fail on medium)\n  ✗ 20:18  medium  PK1001", result.StandardOutput);
        Assert.Contains("staging/odoo.yaml  (staging: fail on high)\n    20:18  medium  PK1001", result.StandardOutput);
        Assert.Matches(@"\nproduction\s+medium\s+1\s+1\s+0\n", result.StandardOutput);
        Assert.Matches(@"\nstaging\s+high\s+2\s+0\s+0\n", result.StandardOutput);
    }

    [Fact]
    public void Counts_by_rule_give_id_title_findings_and_blocking()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", UnpinnedDeployments(4));

        var result = folder.Run("check", ".", "--fail-on", "medium");

        GateAssert.ExitCode(1, result);
        Assert.Matches(@"\nRule\s+Title\s+Findings\s+Blocking\n", result.StandardOutput);
        Assert.Matches(@"\nPK1001  Image not pinned by digest\s+4\s+4\n", result.StandardOutput);
    }

    [Fact]
    public void Listing_stops_at_max_findings_and_says_how_many_more_the_json_report_holds()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", UnpinnedDeployments(12));

        var capped = folder.Run("check", ".", "--max-findings", "5");
        var unlimited = folder.Run("check", ".", "--max-findings", "0");

        Assert.Equal(5, FindingLine.Matches(capped.StandardOutput).Count);
        Assert.Contains("… 7 more findings not listed (--max-findings 5); see the JSON report", capped.StandardOutput);
        Assert.Matches(@"PK1001  Image not pinned by digest\s+12\s+0", capped.StandardOutput);
        Assert.Equal(12, FindingLine.Matches(unlimited.StandardOutput).Count);
        Assert.DoesNotContain("more findings not listed", unlimited.StandardOutput);
    }

    [Fact]
    public void Listing_is_capped_at_200_by_default()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", UnpinnedDeployments(205));

        var result = folder.Run("check", ".");

        Assert.Equal(200, FindingLine.Matches(result.StandardOutput).Count);
        Assert.Contains("… 5 more findings not listed (--max-findings 200)", result.StandardOutput);
    }

    [Fact]
    public void Quiet_prints_only_the_summary_and_the_verdict()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", UnpinnedDeployments(3));

        var result = folder.Run("check", ".", "--quiet", "--fail-on", "medium");

        GateAssert.ExitCode(1, result);
        Assert.Empty(FindingLine.Matches(result.StandardOutput));
        Assert.DoesNotContain("odoo.yaml", result.StandardOutput);
        Assert.Matches(@"PK1001  Image not pinned by digest\s+3\s+3", result.StandardOutput);
        Assert.Contains("Result  FAIL  3 findings (3 medium), 3 blocking", result.StandardOutput);
    }

    [Fact]
    public void Lines_fit_the_width_given_by_COLUMNS_and_wrap_under_the_message_column()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", UnpinnedDeployments(2));

        var result = PolicyKitProcess.Run(["check", "."], folder.Path, environment: new Dictionary<string, string?> { ["COLUMNS"] = "72" });

        var lines = result.StandardOutput.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= 72, $"{line.Length} columns: {line}"));
        var listing = lines.TakeWhile(l => !l.StartsWith("Rule ")).ToList();
        var first = listing.FindIndex(l => l.Contains("PK1001"));
        var messageColumn = listing[first].IndexOf("container", System.StringComparison.Ordinal);
        Assert.StartsWith(new string(' ', messageColumn), listing[first + 1]);
        Assert.NotEqual(' ', listing[first + 1][messageColumn]);
    }

    [Fact]
    public void Redirected_report_keeps_each_finding_on_one_line()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", UnpinnedDeployments(1));

        var result = folder.Run("check", ".");

        Assert.Contains("PK1001  container \"odoo\" uses image \"odoo:17.0\" without a digest; pin it as name:tag@sha256:<digest> or add an exception\n", result.StandardOutput);
    }

    [Fact]
    public void Rule_ids_link_to_their_docs_page_where_colour_is_on()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", UnpinnedDeployments(1));

        var coloured = PolicyKitProcess.Run(["check", "."], folder.Path, environment: new Dictionary<string, string?> { ["FORCE_COLOR"] = "1" });
        var noColor = PolicyKitProcess.Run(["check", "."], folder.Path, environment: new Dictionary<string, string?> { ["FORCE_COLOR"] = "1", ["NO_COLOR"] = "1" });

        Assert.Contains("\u001b]8;;https://github.com/policykit/policykit/blob/main/docs/rules/PK1001.md\u001b\\", coloured.StandardOutput, System.StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', noColor.StandardOutput);
    }

    [Fact]
    public void Progress_never_reaches_a_standard_error_that_is_not_a_terminal()
    {
        using var folder = new TempDirectory();
        folder.Write("odoo.yaml", UnpinnedDeployments(2));

        var result = folder.Run("check", ".");

        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact]
    public void A_heading_wider_than_the_terminal_puts_the_environment_below_the_path()
    {
        using var folder = new TempDirectory();
        folder.Write("tenants/acme-distribution/overlays/production/odoo.yaml", UnpinnedDeployments(1));

        var result = PolicyKitProcess.Run(["check", "."], folder.Path, environment: new Dictionary<string, string?> { ["COLUMNS"] = "60" });

        Assert.Contains("tenants/acme-distribution/overlays/production/odoo.yaml\n  (policy-wide: fail on high)\n", result.StandardOutput);
    }
}
