using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PolicyKit.Policies.Reports;

namespace PolicyKit.Policies.Diff;

/// <summary>
/// Reads the findings of a JSON report written earlier (<c>--format json</c>, docs/json-report.md), so CI systems that
/// keep reports but not history can compare against them (<c>--baseline FILE</c>).
/// </summary>
public static class BaselineReport
{
    /// <exception cref="BaselineReportException">The file cannot be read or is not a PolicyKit JSON report.</exception>
    public static IReadOnlyList<RecordedFinding> Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BaselineReportException($"cannot read the baseline report {path}: {exception.Message}");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("schemaVersion", out var version)
                || version.ValueKind != JsonValueKind.Number
                || !root.TryGetProperty("findings", out var findings)
                || findings.ValueKind != JsonValueKind.Array)
            {
                throw new BaselineReportException($"{path} is not a PolicyKit JSON report (written by 'policykit check --format json')");
            }

            if (version.GetInt32() > JsonReportWriter.SchemaVersion)
            {
                throw new BaselineReportException($"{path} has report schema version {version.GetInt32()}; this PolicyKit reads up to {JsonReportWriter.SchemaVersion}");
            }

            var recorded = new List<RecordedFinding>();
            var index = 0;
            foreach (var finding in findings.EnumerateArray())
            {
                recorded.Add(ReadFinding(finding, path, index++));
            }

            return recorded;
        }
        catch (JsonException exception)
        {
            throw new BaselineReportException($"{path} is not valid JSON (line {exception.LineNumber + 1}): a baseline must be a report written by 'policykit check --format json'");
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new BaselineReportException($"{path} is not a PolicyKit JSON report: {exception.Message}");
        }
    }

    private static RecordedFinding ReadFinding(JsonElement finding, string path, int index)
    {
        if (!finding.TryGetProperty("fingerprint", out var fingerprint) || fingerprint.ValueKind != JsonValueKind.String)
        {
            throw new BaselineReportException($"{path}: finding {index + 1} has no fingerprint");
        }

        var location = finding.GetProperty("location");
        var resource = finding.TryGetProperty("resource", out var r) && r.ValueKind == JsonValueKind.Object ? r : (JsonElement?)null;
        return new RecordedFinding(
            fingerprint.GetString()!,
            finding.GetProperty("ruleId").GetString()!,
            finding.GetProperty("title").GetString()!,
            finding.GetProperty("category").GetString()!,
            finding.GetProperty("severity").GetString()!,
            finding.GetProperty("message").GetString()!,
            location.GetProperty("file").GetString()!,
            location.GetProperty("line").GetInt32(),
            location.GetProperty("column").GetInt32(),
            OptionalString(resource, "kind"),
            OptionalString(resource, "namespace"),
            OptionalString(resource, "name"),
            finding.GetProperty("blocking").GetBoolean(),
            finding.GetProperty("suppressed").GetBoolean());
    }

    private static string? OptionalString(JsonElement? element, string name) =>
        element is { } value && value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String ? property.GetString() : null;
}
