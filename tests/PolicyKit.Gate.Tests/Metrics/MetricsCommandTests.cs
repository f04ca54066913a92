using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using PolicyKit.Testing;
using Xunit.Sdk;

namespace PolicyKit.Gate.Tests.Metrics;

/// <summary>
/// <c>policykit metrics</c> end to end on the demo history: every format written and validated, golden files, and the
/// demo's figures worked out by hand from samples/metrics-demo/build-history.sh.
/// </summary>
public sealed class MetricsCommandTests : IClassFixture<MetricsDemo>
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(RepositoryPaths.Combine("docs", "schemas", "metrics.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private readonly MetricsDemo demo;

    public MetricsCommandTests(MetricsDemo demo) => this.demo = demo;

    private JsonElement Json => JsonDocument.Parse(demo.Reports["json"]).RootElement;

    [DemoTheory]
    [InlineData("json")]
    [InlineData("openmetrics")]
    [InlineData("markdown")]
    [InlineData("html")]
    [InlineData("csv")]
    public void Each_format_matches_its_approved_file(string format)
    {
        Assert.True(demo.Run.ExitCode == 0, demo.Run.ToString());

        Golden.Verify(demo.Reports[format], "tests", "PolicyKit.Gate.Tests", "Approved", "metrics." + MetricsDemo.Extension(format));
    }

    [DemoFact]
    public void Json_validates_against_the_published_schema()
    {
        using var document = JsonDocument.Parse(demo.Reports["json"]);
        var evaluation = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        if (!evaluation.IsValid)
        {
            var errors = (evaluation.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"  {d.InstanceLocation}: {string.Join("; ", d.Errors!.Select(e => e.Value))}");
            throw new XunitException("metrics JSON does not validate against docs/schemas/metrics.schema.json:\n" + string.Join("\n", errors));
        }
    }

    [DemoFact]
    public void The_schema_refuses_a_report_with_an_unknown_verdict()
    {
        var broken = demo.Reports["json"].Replace("\"verdict\": \"pass\"", "\"verdict\": \"maybe\"");
        using var document = JsonDocument.Parse(broken);

        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    [DemoFact]
    public void OpenMetrics_is_accepted_by_a_strict_parser_with_bounded_labels()
    {
        var families = OpenMetricsParser.Parse(demo.Reports["openmetrics"]);

        Assert.Equal(13, families["policykit_releases"].Samples.Single().Value);
        Assert.All(families.Values.Where(f => f.Type == "counter"), f => Assert.All(f.Samples, s => Assert.EndsWith("_total", s.Name)));
        Assert.All(families.Values.SelectMany(f => f.Samples).SelectMany(s => s.Labels.Keys), label => Assert.Contains(label, new[] { "environment", "release", "severity", "area" }));
        Assert.Equal("seconds", families["policykit_exposure_closed_median_seconds"].Unit);

        // CVE-2026-1111 (high): fix first seen 2026-10-14T06:00Z, gone with v1.8.0 on 2026-10-27T09:00Z = 13.125 days.
        var median = families["policykit_exposure_closed_median_seconds"].Samples.Single(s => s.Labels["severity"] == "high").Value;
        Assert.Equal(13.125 * 86400, median);

        // v1.3.0 grants cluster-admin in production: one rbac change, nothing in the other areas.
        var grant = families["policykit_access_changes"].Samples.Where(s => s.Labels["release"] == "v1.3.0" && s.Labels["environment"] == "production").ToDictionary(s => s.Labels["area"], s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["rbac"] = 1, ["workload"] = 0, ["network"] = 0 }, grant);
    }

    [Fact]
    public void The_strict_parser_refuses_what_an_ingestor_refuses()
    {
        Assert.Throws<FormatException>(() => OpenMetricsParser.Parse("# TYPE a counter\na 1\n# EOF\n"));
        Assert.Throws<FormatException>(() => OpenMetricsParser.Parse("# TYPE a gauge\na 1\n"));
        Assert.Throws<FormatException>(() => OpenMetricsParser.Parse("# TYPE a gauge\n# TYPE a gauge\na 1\n# EOF\n"));
        Assert.Throws<FormatException>(() => OpenMetricsParser.Parse("# TYPE a gauge\na{x=\"1\\t\"} 1\n# EOF\n"));
        Assert.Throws<FormatException>(() => OpenMetricsParser.Parse("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\n# TYPE a gauge\n# EOF\n"));
        Assert.Throws<FormatException>(() => OpenMetricsParser.Parse("# TYPE a gauge\n# HELP a say \"hi\"\na 1\n# EOF\n"));
        Assert.Throws<FormatException>(() => OpenMetricsParser.Parse("# TYPE a_bytes gauge\n# UNIT a_bytes seconds\na_bytes 1\n# EOF\n"));
        Assert.NotEmpty(OpenMetricsParser.Parse("# TYPE a counter\n# HELP a say \\\"hi\\\\\na_total{x=\"q\\\"\\n\"} 1\n# EOF\n"));
    }

    [DemoFact]
    public void The_Grafana_dashboard_queries_only_series_the_exposition_has()
    {
        var families = OpenMetricsParser.Parse(demo.Reports["openmetrics"]);
        var series = families.Values.SelectMany(f => f.Samples).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("docs", "grafana", "policykit-metrics.json")));

        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray()).Select(t => t.GetProperty("expr").GetString()!).ToList();
        var named = expressions.SelectMany(e => System.Text.RegularExpressions.Regex.Matches(e, "policykit_[a-z0-9_]+").Select(m => m.Value)).Distinct().ToList();

        Assert.True(named.Count >= 20, string.Join(", ", named));

        // The demo has no provenance policy, so it has no signed/SLSA samples; ProvenanceMetricsTests checks those panels.
        Assert.All(named.Where(n => !ProvenanceMetricsTests.MeasuredOnly(n)), name => Assert.Contains(name, series));
    }

    [DemoFact]
    public void Html_is_self_contained_with_a_trend_chart_per_metric_and_prints_on_A4()
    {
        var html = demo.Reports["html"];

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)\\s*=", html);
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.Contains("size: A4", html, StringComparison.Ordinal);
        Assert.Equal(10, html.Split("<svg ").Length - 1);
    }

    [DemoFact]
    public void Csv_has_a_row_per_release_and_environment()
    {
        var lines = demo.Reports["csv"].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // 13 releases, each with its production row and its "all" row.
        Assert.Equal(1 + (13 * 2), lines.Length);
        Assert.StartsWith("release,time,commit,verdict,environment,", lines[0], StringComparison.Ordinal);
    }

    [DemoFact]
    public void Outputs_are_renamed_into_place_and_leave_no_temporary_file()
    {
        Assert.Equal(
            MetricsDemo.Formats.Select(f => "metrics." + MetricsDemo.Extension(f)).OrderBy(f => f, StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(demo.Directory, "out")).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal));
    }

    [DemoFact]
    public void The_demo_history_gives_the_figures_its_script_was_written_for()
    {
        var json = Json;
        var releases = json.GetProperty("releases").EnumerateArray().ToList();
        var byName = releases.ToDictionary(r => r.GetProperty("name").GetString()!);

        // v1.3.0 grants cluster-admin; v1.3.1-hotfix a day and 6 hours later reverts it: 1 failure in 13 releases.
        Assert.Equal("v1.3.1-hotfix", byName["v1.3.0"].GetProperty("delivery").GetProperty("restoredBy").GetString());
        Assert.Equal(1.25, byName["v1.3.0"].GetProperty("delivery").GetProperty("timeToRestoreDays").GetDouble());
        Assert.Equal(Math.Round(1 / 13.0, 4), json.GetProperty("summary").GetProperty("changeFailureRate").GetDouble());

        // v1.3.0's grant is its one privileged-access change, located in its file; the revert grants nothing.
        static JsonElement Access(JsonElement release) => release.GetProperty("privilegedAccess").EnumerateArray().Last();
        var grant = Access(byName["v1.3.0"]).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("rbac", "powerful-role-binding", "support-access.yaml", "ServiceAccount odoo-acme/support"), (grant.GetProperty("area").GetString(), grant.GetProperty("kind").GetString(), grant.GetProperty("file").GetString(), grant.GetProperty("after").GetString()));
        Assert.Equal(0, Access(byName["v1.3.1-hotfix"]).GetProperty("changes").GetInt32());

        // Every commit is made a day before its release tag.
        Assert.Equal(1, json.GetProperty("summary").GetProperty("medianLeadTimeDays").GetDouble());

        // EX-2026-009 (created 09-07, expires 10-06) is created in v1.1.0 and expired by v1.6.0 (10-13).
        Assert.Equal("EX-2026-009", byName["v1.1.0"].GetProperty("exceptions").GetProperty("created")[0].GetString());
        Assert.Equal("EX-2026-009", byName["v1.6.0"].GetProperty("exceptions").GetProperty("expired")[0].GetString());

        // smtp-relay: rotated 06-01 with a 30-day period (overdue at v1.0.0), rotated 09-28 in v1.4.0, overdue again by v1.9.0 (11-03).
        static int Overdue(JsonElement release) => release.GetProperty("secretsRotation").EnumerateArray().Last().GetProperty("overdue").GetArrayLength();
        Assert.Equal((1, 0, 1), (Overdue(byName["v1.0.0"]), Overdue(byName["v1.4.0"]), Overdue(byName["v1.9.0"])));

        // The worker image gets pinned in v1.5.0: 5 of 6 images pinned from then on.
        Assert.Equal((4, 5), (byName["v1.4.0"].GetProperty("provenance").GetProperty("pinned").GetInt32(), byName["v1.5.0"].GetProperty("provenance").GetProperty("pinned").GetInt32()));

        // Audit: "Add the beta-wholesale tenant" has neither ticket nor approval; Maria approves her own EX-2026-014 twice.
        var gaps = releases.SelectMany(r => r.GetProperty("auditTrail").GetProperty("gaps").EnumerateArray()).Select(g => g.GetProperty("subject").GetString()).ToList();
        Assert.Equal(3, gaps.Count);
        Assert.Contains("Add the beta-wholesale tenant", gaps);

        // CVE-2026-2222 (critical): fixable from the first scan, published 09-20, still in digest B: open, starting at publication.
        var critical = json.GetProperty("exposure").GetProperty("windows").EnumerateArray().Single(w => w.GetProperty("vulnerability").GetString() == "CVE-2026-2222");
        Assert.Equal(("published", true, true), (critical.GetProperty("startSource").GetString(), critical.GetProperty("open").GetBoolean(), critical.GetProperty("breach").GetBoolean()));
    }

    [DemoFact]
    public void Unknown_release_selection_is_a_usage_error()
    {
        var result = PolicyKitProcess.Run(new[] { "metrics", "repo", "--releases", "branches" }, demo.Directory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--releases must be tags[:PATTERN,...] or merges[:BRANCH]", result.StandardError, StringComparison.Ordinal);
    }

    [DemoFact]
    public void A_folder_outside_any_repository_is_a_usage_error_without_a_stack_trace()
    {
        using var folder = new TempDirectory();

        var result = PolicyKitProcess.Run(new[] { "metrics", "." }, folder.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not inside a git repository", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }
}
