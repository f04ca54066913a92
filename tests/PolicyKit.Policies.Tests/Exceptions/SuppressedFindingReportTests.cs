using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Reports;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>Suppressed findings stay visible in the JSON report and the SARIF log, marked with the exception that waives them.</summary>
public sealed class SuppressedFindingReportTests
{
    private static string Write(Action<EvaluationResult, ToolInfo, Stream> writer)
    {
        using var stream = new MemoryStream();
        writer(SampleRegister.Result.Value, SampleRegister.Tool, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static JsonElement SarifResult(JsonDocument sarif, string ruleId, int line) =>
        sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("ruleId").GetString() == ruleId && r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == line);

    [Fact]
    public void Json_report_with_suppressed_findings_matches_the_published_schema()
    {
        SchemaValidation.AssertValid(Write(JsonReportWriter.Write), RepositoryPaths.Combine("docs", "schemas", "report.schema.json"));
    }

    [Fact]
    public void Json_report_marks_the_waived_finding_with_its_exception()
    {
        using var json = JsonDocument.Parse(Write(JsonReportWriter.Write));
        var finding = json.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("ruleId").GetString() == "PK1009");

        Assert.Equal(
            (true, false, "EX-2026-014", "CHG-4711"),
            (finding.GetProperty("suppressed").GetBoolean(), finding.GetProperty("blocking").GetBoolean(), finding.GetProperty("suppression").GetProperty("exceptionId").GetString(), finding.GetProperty("suppression").GetProperty("ticket").GetString()));
    }

    [Fact]
    public void Json_report_counts_suppressed_findings_in_the_summary()
    {
        using var json = JsonDocument.Parse(Write(JsonReportWriter.Write));

        Assert.Equal(3, json.RootElement.GetProperty("summary").GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public void Schema_rejects_a_suppressed_finding_without_its_suppression()
    {
        var json = Write(JsonReportWriter.Write);
        var start = json.IndexOf("\"suppression\": {", StringComparison.Ordinal);
        var end = json.IndexOf("\"helpUri\"", start, StringComparison.Ordinal);

        Assert.NotEmpty(SchemaValidation.Errors(json.Remove(start, end - start), RepositoryPaths.Combine("docs", "schemas", "report.schema.json")));
    }

    [Fact]
    public void Sarif_log_with_suppressions_matches_the_sarif_2_1_0_schema()
    {
        SchemaValidation.AssertValid(Write(SarifReportWriter.Write), Path.Combine(AppContext.BaseDirectory, "Schemas", "sarif-schema-2.1.0.json"));
    }

    [Fact]
    public void Sarif_suppression_is_external_with_the_justification_and_exception_id_and_no_status()
    {
        using var sarif = JsonDocument.Parse(Write(SarifReportWriter.Write));
        var suppression = SarifResult(sarif, "PK1009", 37).GetProperty("suppressions").EnumerateArray().Single();

        Assert.Equal(new[] { "justification", "kind", "properties" }, suppression.EnumerateObject().Select(p => p.Name).OrderBy(n => n));
        Assert.Equal(("external", "EX-2026-014"), (suppression.GetProperty("kind").GetString(), suppression.GetProperty("properties").GetProperty("exceptionId").GetString()));
        Assert.StartsWith("redis:7.2.5 fixes the ownership of /data", suppression.GetProperty("justification").GetString());
    }

    [Fact]
    public void Sarif_result_without_an_exception_has_no_suppressions()
    {
        using var sarif = JsonDocument.Parse(Write(SarifReportWriter.Write));

        Assert.False(SarifResult(sarif, "PK1014", 38).TryGetProperty("suppressions", out _));
    }
}
