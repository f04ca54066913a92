using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports;

/// <summary>
/// Writes SARIF 2.1.0 for code-scanning services. Paths are relative to <c>%SRCROOT%</c> (the working directory), so
/// the log is the same on every machine that checks the same tree.
/// </summary>
public static class SarifReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string FingerprintKey = "policykit/v1";
    private const string SourceRoot = "SRCROOT";

    public static void Write(EvaluationResult result, ToolInfo tool, Stream stream) => Write(result, null, tool, stream);

    /// <summary>
    /// The head's results of a change, each with SARIF's <c>baselineState</c> (<c>new</c> or <c>unchanged</c>) so code
    /// scanning can tell what the change introduced; the run's <c>result</c> property is the change's verdict.
    /// </summary>
    public static void Write(ChangeReview review, ToolInfo tool, Stream stream) => Write(review.Head, review, tool, stream);

    private static void Write(EvaluationResult result, ChangeReview? review, ToolInfo tool, Stream stream)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < result.Rules.Count; i++)
        {
            ruleIndex[result.Rules[i].Id] = i;
        }

        using var json = ReportJson.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json, tool, result);
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            WriteResult(json, finding, ruleIndex[finding.RuleId], review);
        }

        json.WriteEndArray();
        json.WriteStartObject("properties");
        ReportJson.WriteRulePacks(json, result.Packs);
        json.WriteString("result", (review?.Passed ?? result.Passed) ? "pass" : "fail");
        json.WriteNumber("blocking", result.BlockingCount);
        json.WriteNumber("suppressed", result.SuppressedCount);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter json, ToolInfo tool, EvaluationResult result)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "PolicyKit");
        json.WriteString("version", tool.Version);
        json.WriteString("semanticVersion", tool.Version);
        json.WriteString("informationUri", tool.InformationUri);
        json.WriteStartArray("rules");
        foreach (var rule in result.Rules)
        {
            WriteRule(json, rule);
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter json, Rule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", PascalCase(rule.Title));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Rationale);
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", rule.Remediation);
        json.WriteString("markdown", $"**{rule.Title}** ({rule.Id}, {rule.Severity.ToName()})\n\n{rule.Rationale}\n\n**Remediation:** {rule.Remediation}");
        json.WriteEndObject();
        if (rule.HelpUri.Length > 0)
        {
            json.WriteString("helpUri", rule.HelpUri);
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        json.WriteString("severity", rule.Severity.ToName());
        json.WriteString("security-severity", SecuritySeverity(rule.Severity));
        json.WriteString("pack", rule.Pack.Name + "@" + rule.Pack.Version);
        json.WriteStartArray("tags");
        json.WriteStringValue(rule.Category);
        json.WriteStringValue("policykit");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, int ruleIndex, ChangeReview? review)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        if (review is not null)
        {
            json.WriteString("baselineState", review.ChangeOf(finding) == FindingChange.New ? "new" : "unchanged");
        }

        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(finding.File));
        if (!Path.IsPathRooted(finding.File))
        {
            json.WriteString("uriBaseId", SourceRoot);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.Line);
        json.WriteNumber("startColumn", finding.Column);
        json.WriteEndObject();
        json.WriteEndObject();
        if (finding.Resource is { } resource)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("name", resource.Name ?? "(unnamed)");
            json.WriteString("fullyQualifiedName", resource.Namespace is null ? $"{resource.Kind}/{resource.Name}" : $"{resource.Namespace}/{resource.Kind}/{resource.Name}");
            json.WriteString("kind", "object");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        if (finding.Suppression is { } suppression)
        {
            // kind and justification only: the OASIS schema and the multitool disagree on the name of the status field.
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", suppression.Justification);
            json.WriteStartObject("properties");
            json.WriteString("exceptionId", suppression.ExceptionId);
            json.WriteString("ticket", suppression.Ticket);
            json.WriteString("owner", suppression.Owner);
            json.WriteString("approver", suppression.Approver);
            json.WriteString("expires", Policies.Exceptions.UtcDates.FormatDate(suppression.Expires));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("partialFingerprints");
        json.WriteString(FingerprintKey, finding.Fingerprint);
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", finding.Category);
        json.WriteString("severity", finding.Severity.ToName());
        if (finding.Check is not null)
        {
            json.WriteString("check", finding.Check);
        }

        if (finding.FieldPath.Length > 0)
        {
            json.WriteString("field", finding.FieldPath);
        }

        if (finding.Environment is not null)
        {
            json.WriteString("environment", finding.Environment);
        }

        json.WriteBoolean("blocking", finding.Blocking);
        foreach (var property in finding.Properties)
        {
            json.WriteString(property.Key, property.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>critical and high fail a code-scanning check, medium warns, the rest are notes.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>GitHub code scanning ranks security alerts by this CVSS-like score.</summary>
    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };

    private static string RelativeUri(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return new Uri(path).AbsoluteUri;
        }

        return string.Join("/", path.Split('/').Select(Uri.EscapeDataString));
    }

    private static string PascalCase(string title)
    {
        var builder = new StringBuilder();
        foreach (var word in title.Split(new[] { ' ', '-', '_', '/', ':', '`', '.', ',', '(', ')' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0)
            {
                builder.Append(char.ToUpper(letters[0], CultureInfo.InvariantCulture)).Append(letters.Substring(1));
            }
        }

        return builder.ToString();
    }
}
