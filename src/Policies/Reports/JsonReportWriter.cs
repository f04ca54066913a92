using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Reports;

/// <summary>Writes the JSON report described in docs/json-report.md (schema: docs/schemas/report.schema.json).</summary>
public static class JsonReportWriter
{
    public const int SchemaVersion = 1;

    public static void Write(EvaluationResult result, ToolInfo tool, Stream stream) => Write(result, null, tool, stream);

    /// <summary>
    /// The head's report with each finding's <c>change</c> (new or existing), the fixed findings and what the change was
    /// compared with; <c>summary.result</c> is the change's verdict.
    /// </summary>
    public static void Write(ChangeReview review, ToolInfo tool, Stream stream) => Write(review.Head, review, tool, stream);

    private static void Write(EvaluationResult result, ChangeReview? review, ToolInfo tool, Stream stream)
    {
        using var json = ReportJson.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        ReportJson.WriteTool(json, tool);

        WritePolicy(json, result);

        ReportJson.WriteRulePacks(json, result.Packs);
        WriteSummary(json, result, review);
        if (review is not null)
        {
            ChangeJson.WriteComparison(json, review);
        }

        json.WriteStartArray("findings");
        foreach (var finding in result.Findings)
        {
            WriteFinding(json, finding, review);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePolicy(Utf8JsonWriter json, EvaluationResult result)
    {
        var config = result.Config;
        json.WriteStartObject("policy");
        if (config.SourcePath is null)
        {
            json.WriteNull("source");
        }
        else
        {
            json.WriteString("source", config.SourcePath);
        }

        json.WriteBoolean("builtInDefaults", config.IsBuiltInDefault);
        json.WriteString("failOn", ThresholdName(result.EffectiveFailOn(config.FailOn)));
        json.WriteStartArray("environments");
        foreach (var environment in config.Environments)
        {
            json.WriteStartObject();
            json.WriteString("name", environment.Name);
            json.WriteString("failOn", ThresholdName(result.EffectiveFailOn(environment.FailOn)));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, EvaluationResult result, ChangeReview? review)
    {
        json.WriteStartObject("summary");
        json.WriteString("result", (review?.Passed ?? result.Passed) ? "pass" : "fail");
        json.WriteNumber("filesScanned", result.FilesScanned);
        json.WriteNumber("resourcesEvaluated", result.ResourcesEvaluated);
        json.WriteNumber("rulesEvaluated", result.Rules.Count);
        json.WriteNumber("findings", result.Findings.Count);
        json.WriteNumber("blocking", result.BlockingCount);
        json.WriteNumber("suppressed", result.Findings.Count(f => f.Suppressed));
        json.WriteStartObject("bySeverity");
        foreach (var severity in new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info })
        {
            json.WriteNumber(severity.ToName(), result.Count(severity));
        }

        json.WriteEndObject();
        json.WriteStartObject("byCategory");
        foreach (var group in result.Findings.GroupBy(f => f.Category).OrderBy(g => g.Key, System.StringComparer.Ordinal))
        {
            json.WriteNumber(group.Key, group.Count());
        }

        json.WriteEndObject();
        WriteSecretsRotation(json, result.SecretRotation);
        WriteDiscovery(json, result);
        WriteProvenance(json, result.Provenance);
        json.WriteEndObject();
    }

    /// <summary>What the run left out or rendered (docs/discovery.md), so an empty-looking pass can be told from a thorough one.</summary>
    private static void WriteDiscovery(Utf8JsonWriter json, EvaluationResult result)
    {
        var discovery = result.Discovery;
        json.WriteStartObject("discovery");
        json.WriteNumber("otherYamlFiles", result.OtherYamlFiles.Count);
        json.WriteNumber("ignoredPaths", discovery.IgnoredPaths);
        json.WriteNumber("hiddenFolders", discovery.HiddenFolders);
        json.WriteNumber("linksNotFollowed", discovery.LinksNotFollowed);
        json.WriteNumber("filesUsedByKustomizations", discovery.FilesUsedByKustomizations);
        json.WriteStartArray("kustomizations");
        foreach (var overlay in discovery.Kustomizations)
        {
            json.WriteStringValue(overlay);
        }

        json.WriteEndArray();
        json.WriteStartArray("charts");
        foreach (var chart in discovery.Charts)
        {
            json.WriteStringValue(chart);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter json, Provenance.ProvenanceSummary provenance)
    {
        json.WriteStartObject("provenance");
        json.WriteStartArray("environments");
        foreach (var figure in provenance.Environments)
        {
            json.WriteStartObject();
            WriteNullable(json, "environment", figure.Environment);
            json.WriteNumber("images", figure.Images);
            json.WriteNumber("pinned", figure.Pinned);
            json.WriteNumber("requiringEvidence", figure.RequiringEvidence);
            json.WriteNumber("verified", figure.Verified);
            json.WriteNumber("allowedSigner", figure.AllowedSigner);
            json.WriteNumber("slsaCompliant", figure.SlsaCompliant);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSecretsRotation(Utf8JsonWriter json, SecretRotationSummary rotation)
    {
        json.WriteStartObject("secretsRotation");
        json.WriteNumber("secrets", rotation.Secrets);
        json.WriteNumber("compliant", rotation.Compliant);
        if (rotation.Ratio is { } ratio)
        {
            json.WriteNumber("ratio", ratio);
        }
        else
        {
            json.WriteNull("ratio");
        }

        json.WriteStartArray("items");
        foreach (var item in rotation.Items)
        {
            json.WriteStartObject();
            json.WriteString("kind", item.Kind);
            WriteNullable(json, "namespace", item.Namespace);
            WriteNullable(json, "name", item.Name);
            json.WriteString("file", item.File);
            json.WriteNumber("line", item.Line);
            WriteNullable(json, "environment", item.Environment);
            json.WriteBoolean("compliant", item.Compliant);
            json.WriteString("reason", item.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding, ChangeReview? review)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteString("title", finding.Rule.Title);
        json.WriteString("category", finding.Category);
        json.WriteString("severity", finding.Severity.ToName());
        if (finding.Check is not null)
        {
            json.WriteString("check", finding.Check);
        }

        json.WriteString("message", finding.Message);
        if (finding.Resource is { } resource)
        {
            json.WriteStartObject("resource");
            json.WriteString("apiVersion", resource.ApiVersion);
            json.WriteString("kind", resource.Kind);
            WriteNullable(json, "namespace", resource.Namespace);
            WriteNullable(json, "name", resource.Name);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("resource");
        }

        json.WriteStartObject("location");
        json.WriteString("file", finding.File);
        json.WriteNumber("line", finding.Line);
        json.WriteNumber("column", finding.Column);
        json.WriteEndObject();
        if (finding.FieldPath.Length > 0)
        {
            json.WriteString("field", finding.FieldPath);
        }

        if (finding.Properties.Count > 0)
        {
            json.WriteStartObject("properties");
            foreach (var property in finding.Properties)
            {
                json.WriteString(property.Key, property.Value);
            }

            json.WriteEndObject();
        }

        WriteNullable(json, "environment", finding.Environment);
        json.WriteString("fingerprint", finding.Fingerprint);
        json.WriteBoolean("blocking", finding.Blocking);
        json.WriteBoolean("suppressed", finding.Suppressed);
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("exceptionId", suppression.ExceptionId);
            json.WriteString("justification", suppression.Justification);
            json.WriteString("owner", suppression.Owner);
            json.WriteString("approver", suppression.Approver);
            json.WriteString("ticket", suppression.Ticket);
            json.WriteString("expires", Policies.Exceptions.UtcDates.FormatDate(suppression.Expires));
            json.WriteStartObject("location");
            json.WriteString("file", suppression.File);
            json.WriteNumber("line", suppression.Line);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        if (review is not null)
        {
            json.WriteString("change", ChangeJson.Name(review.ChangeOf(finding)));
        }

        json.WriteString("helpUri", finding.Rule.HelpUri);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    internal static string ThresholdName(Severity? threshold) => threshold?.ToName() ?? "none";
}
