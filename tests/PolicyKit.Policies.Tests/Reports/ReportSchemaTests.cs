using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Json.Schema;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Reports;

/// <summary>The JSON report keeps its published schema, and the SARIF log the OASIS SARIF 2.1.0 schema.</summary>
public sealed class ReportSchemaTests
{
    private static readonly EvaluationResult Sample = EvaluateSample();

    // JsonSchema.Net registers schemas globally by $id, so each schema is built once per test run.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, JsonSchema> Schemas = new();

    [Fact]
    public void Json_report_of_the_sample_matches_the_published_schema()
    {
        AssertValid(Write(JsonReportWriter.Write), RepositoryPaths.Combine("docs", "schemas", "report.schema.json"));
    }

    [Fact]
    public void Json_report_with_unreadable_input_matches_the_published_schema()
    {
        var result = Evaluate.Sources(ManifestSource.FromText("broken.yaml", "kind: [\n"), ManifestSource.FromText("empty.yaml", string.Empty));
        using var stream = new MemoryStream();
        JsonReportWriter.Write(result, ToolInfo.Engine, stream);

        AssertValid(Encoding.UTF8.GetString(stream.ToArray()), RepositoryPaths.Combine("docs", "schemas", "report.schema.json"));
    }

    [Fact]
    public void Sarif_log_of_the_sample_matches_the_sarif_2_1_0_schema()
    {
        AssertValid(Write(SarifReportWriter.Write), Path.Combine(System.AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json"));
    }

    [Fact]
    public void Sarif_results_point_at_rules_by_index_and_carry_fingerprints()
    {
        using var document = JsonDocument.Parse(Write(SarifReportWriter.Write));
        var run = document.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var rule = rules[result.GetProperty("ruleIndex").GetInt32()];
            Assert.Equal(rule.GetProperty("id").GetString(), result.GetProperty("ruleId").GetString());
            Assert.Matches("^[0-9a-f]{32}$", result.GetProperty("partialFingerprints").GetProperty(SarifReportWriter.FingerprintKey).GetString());
            Assert.True(result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() >= 1);
        }

        Assert.All(rules, rule => Assert.StartsWith("https://", rule.GetProperty("helpUri").GetString()));
    }

    private static EvaluationResult EvaluateSample()
    {
        var sample = RepositoryPaths.Combine("samples", "odoo-distribution");
        var config = PolicyConfigLoader.Load(Path.Combine(sample, PolicyConfig.FileName), "samples/odoo-distribution/policykit.yaml");
        var sources = InputCollector.Collect(new[] { sample }, config, RepositoryPaths.Root);
        return PolicyEngine.Evaluate(new EvaluationRequest(sources, config));
    }

    private static string Write(System.Action<EvaluationResult, ToolInfo, Stream> writer)
    {
        using var stream = new MemoryStream();
        writer(Sample, ToolInfo.Engine, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void AssertValid(string json, string schemaPath)
    {
        var schema = Schemas.GetOrAdd(schemaPath, path => JsonSchema.FromText(File.ReadAllText(path)));
        using var document = JsonDocument.Parse(json);

        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        var errors = evaluation.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? Enumerable.Empty<string>();
        Assert.True(evaluation.IsValid, "schema violations:\n" + string.Join("\n", errors));
    }
}
