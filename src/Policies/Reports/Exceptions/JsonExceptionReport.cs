using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// The exception register as JSON (schema: docs/schemas/exception-report.schema.json), for dashboards and GRC tools.
/// Every field is always present (null when unknown), so consumers never guess.
/// </summary>
public static class JsonExceptionReport
{
    public const int SchemaVersion = 1;

    public static void Write(ExceptionRegister register, ToolInfo tool, Stream stream)
    {
        using var json = ReportJson.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        ReportJson.WriteTool(json, tool);
        json.WriteString("asOf", UtcDates.FormatInstant(register.GeneratedAt));
        Nullable(json, "policy", register.PolicySource);
        json.WriteStartObject("exceptionsFolder");
        Nullable(json, "path", register.Directory);
        json.WriteBoolean("exists", register.DirectoryExists);
        json.WriteNumber("files", register.FileCount);
        json.WriteEndObject();
        json.WriteStartObject("limits");
        json.WriteStartObject("maxDurationDays");
        foreach (var severity in new[] { Rules.Severity.Critical, Rules.Severity.High, Rules.Severity.Medium, Rules.Severity.Low, Rules.Severity.Info })
        {
            json.WriteNumber(Rules.Severities.ToName(severity), register.Settings.MaxDays(severity));
        }

        json.WriteEndObject();
        json.WriteNumber("expiringWithinDays", register.Settings.ExpiringWithinDays);
        json.WriteEndObject();
        ReportJson.WriteRulePacks(json, register.Packs);
        json.WriteStartObject("auditTrail");
        json.WriteBoolean("available", register.AuditTrail.Available);
        Nullable(json, "note", register.AuditTrail.Note);
        json.WriteEndObject();
        WriteSummary(json, register.Summary);
        json.WriteStartArray("exceptions");
        foreach (var entry in register.Entries)
        {
            WriteEntry(json, entry);
        }

        json.WriteEndArray();
        json.WriteStartArray("fileProblems");
        foreach (var problem in register.FileProblems)
        {
            WriteProblem(json, problem);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter json, ExceptionSummary summary)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("total", summary.Total);
        json.WriteNumber("waivedFindings", summary.WaivedFindings);
        json.WriteStartObject("byStatus");
        foreach (var status in summary.ByStatus)
        {
            json.WriteNumber(status.Key.ToName(), status.Value);
        }

        json.WriteEndObject();
        Counts(json, "byRule", summary.ByRule);
        Counts(json, "byOwner", summary.ByOwner);
        Counts(json, "byEnvironment", summary.ByEnvironment);
        Counts(json, "byAge", summary.ByAge);
        json.WriteStartObject("ageDays");
        json.WriteNumber("exceptions", summary.AgedEntries);
        if (summary.MeanAgeDays is { } mean)
        {
            json.WriteNumber("mean", mean);
        }
        else
        {
            json.WriteNull("mean");
        }

        NullableNumber(json, "max", summary.MaxAgeDays);
        json.WriteEndObject();
        Counts(json, "createdPerMonth", summary.CreatedPerMonth);
        json.WriteEndObject();
    }

    private static void WriteEntry(Utf8JsonWriter json, ExceptionEntry entry)
    {
        json.WriteStartObject();
        Nullable(json, "id", entry.HasId ? entry.Id : null);
        json.WriteString("status", entry.Status.ToName());
        json.WriteStartObject("location");
        json.WriteString("file", entry.File);
        json.WriteNumber("line", entry.Line);
        json.WriteEndObject();
        Strings(json, "rules", entry.Rules);
        Strings(json, "waivedRules", entry.WaivedRuleIds);
        WriteScope(json, entry.ScopeDetail);
        Nullable(json, "owner", entry.Owner);
        Nullable(json, "approver", entry.Approver);
        Nullable(json, "ticket", entry.Ticket);
        Nullable(json, "justification", entry.Justification);
        Nullable(json, "risk", entry.Risk);
        Strings(json, "compensatingControls", entry.CompensatingControls);
        Nullable(json, "created", entry.Created);
        Nullable(json, "expires", entry.Expires);
        NullableNumber(json, "daysRemaining", entry.DaysRemaining);
        NullableNumber(json, "ageDays", entry.AgeDays);
        json.WriteStartArray("waives");
        foreach (var waived in entry.Waived)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", waived.RuleId);
            json.WriteString("severity", waived.Severity);
            json.WriteString("resource", waived.Resource);
            json.WriteStartObject("location");
            json.WriteString("file", waived.File);
            json.WriteNumber("line", waived.Line);
            json.WriteNumber("column", waived.Column);
            json.WriteEndObject();
            Nullable(json, "environment", waived.Environment);
            json.WriteString("fingerprint", waived.Fingerprint);
            Nullable(json, "suppressedBy", waived.SuppressedBy);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("problems");
        foreach (var problem in entry.Problems)
        {
            WriteProblem(json, problem);
        }

        json.WriteEndArray();
        if (entry.History is { } history)
        {
            json.WriteStartObject("history");
            Commit(json, "added", history.Added);
            Commit(json, "lastChanged", history.LastChanged);
            json.WriteBoolean("uncommittedChanges", history.UncommittedChanges);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("history");
        }

        json.WriteEndObject();
    }

    /// <summary>The scope as it is matched: pattern lists and a Kubernetes label selector; absent fields are left out.</summary>
    private static void WriteScope(Utf8JsonWriter json, ExceptionScope? scope)
    {
        if (scope is null)
        {
            json.WriteNull("scope");
            return;
        }

        json.WriteStartObject("scope");
        Patterns(json, "environments", scope.Environments);
        Patterns(json, "namespaces", scope.Namespaces);
        Patterns(json, "kinds", scope.Kinds);
        Patterns(json, "names", scope.Names);
        if (scope.Labels is { IsEmpty: false } labels)
        {
            json.WriteStartObject("labels");
            json.WriteStartObject("matchLabels");
            foreach (var label in labels.MatchLabels)
            {
                json.WriteString(label.Key, label.Value);
            }

            json.WriteEndObject();
            json.WriteStartArray("matchExpressions");
            foreach (var expression in labels.MatchExpressions)
            {
                json.WriteStartObject();
                json.WriteString("key", expression.Key);
                json.WriteString("operator", expression.Operator);
                Strings(json, "values", expression.Values);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        Patterns(json, "images", scope.Images);
        Patterns(json, "secretKeys", scope.SecretKeys);
        json.WriteEndObject();
    }

    private static void Patterns(Utf8JsonWriter json, string name, ScopePatterns patterns)
    {
        if (!patterns.IsSpecified)
        {
            return;
        }

        json.WriteStartArray(name);
        foreach (var pattern in patterns.Patterns)
        {
            json.WriteStringValue(pattern.Pattern);
        }

        json.WriteEndArray();
    }

    private static void WriteProblem(Utf8JsonWriter json, EntryProblem problem)
    {
        json.WriteStartObject();
        Nullable(json, "ruleId", problem.RuleId);
        json.WriteString("problem", problem.Problem);
        json.WriteString("title", problem.Title);
        json.WriteString("detail", problem.Detail);
        json.WriteStartObject("location");
        json.WriteString("file", problem.File);
        json.WriteNumber("line", problem.Line);
        json.WriteNumber("column", problem.Column);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Commit(Utf8JsonWriter json, string name, GitCommit? commit)
    {
        if (commit is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("commit", commit.Hash);
        json.WriteString("author", commit.Author);
        json.WriteString("email", commit.Email);
        json.WriteString("date", commit.Date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter json, string name, IReadOnlyList<KeyValuePair<string, int>> counts)
    {
        json.WriteStartObject(name);
        foreach (var count in counts)
        {
            json.WriteNumber(count.Key, count.Value);
        }

        json.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
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

    private static void NullableNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
