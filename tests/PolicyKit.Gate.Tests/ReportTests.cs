using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using PolicyKit.Testing;
using Xunit.Sdk;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// The sample checked once with <c>--format json --output report.json --format sarif --output report.sarif</c>; the
/// tests read the two files it writes.
/// </summary>
public sealed class SampleReports : IDisposable
{
    private readonly TempDirectory folder = new();

    public SampleReports()
    {
        Result = PolicyKitProcess.Run(
            ["check", "samples/odoo-distribution", "--now", SampleTests.Today, "--format", "json", "--output", folder.Combine("report.json"), "--format", "sarif", "--output", folder.Combine("report.sarif")],
            RepositoryPaths.Root);
        Json = File.Exists(folder.Combine("report.json")) ? folder.ReadText("report.json") : throw new XunitException($"no JSON report was written\n{Result}");
        Sarif = File.Exists(folder.Combine("report.sarif")) ? folder.ReadText("report.sarif") : throw new XunitException($"no SARIF report was written\n{Result}");
    }

    internal PolicyKitResult Result { get; }

    public string Json { get; }

    public string Sarif { get; }

    public void Dispose() => folder.Dispose();
}

/// <summary>What the JSON and SARIF reports must contain for the tools that read them.</summary>
public sealed class ReportTests : IClassFixture<SampleReports>
{
    private static readonly Regex Fingerprint = new("^[0-9a-f]{32}$");

    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepositoryPaths.Combine("tests", "PolicyKit.Policies.Tests", "Schemas", "sarif-schema-2.1.0.json"))));

    private readonly SampleReports reports;

    public ReportTests(SampleReports reports) => this.reports = reports;

    [Fact]
    public void Json_and_sarif_reports_are_written_to_their_own_files()
    {
        using var folder = new TempDirectory();
        folder.Write("service.yaml", Manifests.NodePortService);

        var result = folder.Run("check", ".", "--format", "json", "--output", "out/a.json", "--format", "sarif", "--output", "out/b.sarif");

        GateAssert.ExitCode(1, result);
        Assert.Equal(string.Empty, result.StandardOutput);
        Assert.Equal("PK1014", JsonReport.Findings(folder.ReadText("out/a.json")).Single().GetProperty("ruleId").GetString());
        Assert.Contains("\"version\": \"2.1.0\"", folder.ReadText("out/b.sarif"));
    }

    [Fact]
    public void Writing_both_reports_to_files_keeps_the_exit_code()
    {
        GateAssert.ExitCode(1, reports.Result);
    }

    [Fact]
    public void Json_report_names_the_tool_and_the_rule_packs_with_their_hashes()
    {
        var root = JsonReport.Root(reports.Json);

        Assert.Equal("policykit", root.GetProperty("tool").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("tool").GetProperty("version").GetString()));
        var packs = root.GetProperty("rulePacks").EnumerateArray().ToList();
        Assert.Equal(new[] { "core", "exceptions", "odoo", "platform", "provenance", "pss", "secrets" }, packs.Select(p => p.GetProperty("name").GetString()));
        foreach (var pack in packs)
        {
            Assert.Matches("^[0-9]+\\.[0-9]+\\.[0-9]+$", pack.GetProperty("version").GetString());
            Assert.Matches("^[0-9a-f]{64}$", pack.GetProperty("sha256").GetString());
        }
    }

    [Fact]
    public void Json_summary_counts_the_findings()
    {
        var summary = JsonReport.Root(reports.Json).GetProperty("summary");

        Assert.Equal("fail", summary.GetProperty("result").GetString());
        Assert.Equal(20, summary.GetProperty("findings").GetInt32());
        Assert.Equal(1, summary.GetProperty("bySeverity").GetProperty("critical").GetInt32());
        Assert.Equal(14, summary.GetProperty("blocking").GetInt32());
        Assert.Equal(4, summary.GetProperty("suppressed").GetInt32());
        Assert.Equal(10, summary.GetProperty("bySeverity").GetProperty("high").GetInt32());
        Assert.Equal(7, summary.GetProperty("bySeverity").GetProperty("medium").GetInt32());
        Assert.Equal(2, summary.GetProperty("bySeverity").GetProperty("low").GetInt32());
    }

    [Fact]
    public void Every_json_finding_has_rule_category_severity_message_resource_location_and_suppressed()
    {
        var findings = JsonReport.Findings(reports.Json);

        Assert.Equal(20, findings.Count);
        Assert.All(findings, finding =>
        {
            Assert.Matches("^PK[0-9]{4}$", finding.GetProperty("ruleId").GetString());
            Assert.False(string.IsNullOrEmpty(finding.GetProperty("category").GetString()));
            Assert.Contains(finding.GetProperty("severity").GetString(), new[] { "critical", "high", "medium", "low", "info" });
            Assert.False(string.IsNullOrEmpty(finding.GetProperty("message").GetString()));
            var resource = finding.GetProperty("resource");
            if (finding.GetProperty("category").GetString() == "exceptions")
            {
                // Findings about exception records point at the record, not at a Kubernetes resource.
                Assert.Equal(JsonValueKind.Null, resource.ValueKind);
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(resource.GetProperty("apiVersion").GetString()));
                Assert.False(string.IsNullOrEmpty(resource.GetProperty("kind").GetString()));
                Assert.Equal("odoo-acme", resource.GetProperty("namespace").GetString());
                Assert.False(string.IsNullOrEmpty(resource.GetProperty("name").GetString()));
            }

            Assert.StartsWith("samples/odoo-distribution/", JsonReport.File(finding));
            Assert.True(JsonReport.Line(finding) > 0);
            Assert.True(JsonReport.Column(finding) > 0);
            var suppressed = finding.GetProperty("suppressed").GetBoolean();
            Assert.Equal(suppressed, finding.TryGetProperty("suppression", out _));
            Assert.False(suppressed && finding.GetProperty("blocking").GetBoolean(), "a suppressed finding never blocks");
        });
    }

    [Fact]
    public void Every_json_finding_has_a_32_hex_fingerprint()
    {
        var fingerprints = JsonReport.Findings(reports.Json).Select(JsonReport.Fingerprint).ToList();

        Assert.All(fingerprints, fingerprint => Assert.Matches(Fingerprint, fingerprint));
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }

    [Fact]
    public void Sarif_report_declares_its_schema_and_version_2_1_0()
    {
        var root = JsonReport.Root(reports.Sarif);

        Assert.Contains("sarif", root.GetProperty("$schema").GetString());
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
    }

    [Fact]
    public void Sarif_rules_have_help_uris()
    {
        var rules = Run(reports.Sarif).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule =>
        {
            var id = rule.GetProperty("id").GetString()!;
            Assert.EndsWith("/" + id + ".md", rule.GetProperty("helpUri").GetString());
        });
    }

    [Fact]
    public void Sarif_results_have_regions_and_partial_fingerprints()
    {
        var results = Run(reports.Sarif).GetProperty("results").EnumerateArray().ToList();

        Assert.Equal(20, results.Count);
        Assert.All(results, result =>
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.StartsWith("samples/odoo-distribution/", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
            Assert.True(location.GetProperty("region").GetProperty("startColumn").GetInt32() > 0);
            Assert.Matches(Fingerprint, result.GetProperty("partialFingerprints").GetProperty("policykit/v1").GetString());
        });
    }

    [Fact]
    public void Sarif_and_json_agree_on_locations_and_fingerprints()
    {
        var json = JsonReport.Findings(reports.Json)
            .Select(f => $"{f.GetProperty("ruleId").GetString()} {JsonReport.File(f)}:{JsonReport.Line(f)}:{JsonReport.Column(f)} {JsonReport.Fingerprint(f)}");
        var sarif = Run(reports.Sarif).GetProperty("results").EnumerateArray()
            .Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                return $"{r.GetProperty("ruleId").GetString()} {location.GetProperty("artifactLocation").GetProperty("uri").GetString()}:"
                    + $"{region.GetProperty("startLine").GetInt32()}:{region.GetProperty("startColumn").GetInt32()} "
                    + r.GetProperty("partialFingerprints").GetProperty("policykit/v1").GetString();
            });

        Assert.Equal(json, sarif);
    }

    [Fact]
    public void Sarif_report_validates_against_the_official_schema()
    {
        AssertValidSarif(reports.Sarif);
    }

    [Fact]
    public void Sarif_report_with_input_findings_validates_against_the_official_schema()
    {
        using var folder = new TempDirectory();
        folder.Write("service.yaml", Manifests.NodePortService);
        folder.Write("broken.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"broken\n");
        folder.Write("empty.yaml", string.Empty);

        var result = folder.Run("check", ".", "--format", "sarif");

        GateAssert.ExitCode(1, result);
        Assert.Equal(3, Run(result.StandardOutput).GetProperty("results").GetArrayLength());
        AssertValidSarif(result.StandardOutput);
    }

    private static JsonElement Run(string sarif) => JsonReport.Root(sarif).GetProperty("runs")[0];

    private static void AssertValidSarif(string sarif)
    {
        using var document = JsonDocument.Parse(sarif);
        var evaluation = SarifSchema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!evaluation.IsValid)
        {
            var errors = (evaluation.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .Select(d => $"  {d.InstanceLocation}: {string.Join("; ", d.Errors!.Select(e => $"{e.Key}: {e.Value}"))}");
            throw new XunitException("the SARIF report does not validate against sarif-schema-2.1.0.json:\n" + string.Join("\n", errors));
        }
    }
}
