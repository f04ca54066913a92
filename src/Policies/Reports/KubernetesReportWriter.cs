using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports;

/// <summary>
/// Findings as Kubernetes policy reports, so Policy Reporter and other tools built for Kyverno show PolicyKit results:
/// one namespaced report per namespace and one cluster report for cluster-scoped resources and files, wrapped in a
/// <c>v1</c> <c>List</c> that <c>kubectl apply -f</c> accepts. A blocking finding is <c>fail</c>, one below its
/// threshold <c>warn</c>, and one an exception waives <c>skip</c> with the exception's id, as Kyverno reports its
/// policy exceptions.
/// </summary>
public static class KubernetesReportWriter
{
    public const string Source = "policykit";

    public static void Write(EvaluationResult result, KubernetesReportFlavor flavor, Stream stream)
    {
        var (apiVersion, namespacedKind, clusterKind) = flavor == KubernetesReportFlavor.OpenReports
            ? ("openreports.io/v1alpha1", "Report", "ClusterReport")
            : ("wgpolicyk8s.io/v1alpha2", "PolicyReport", "ClusterPolicyReport");
        var groups = result.Findings
            .GroupBy(f => f.Resource?.Namespace)
            .OrderBy(g => g.Key is null ? 0 : 1)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        using var json = ReportJson.CreateWriter(stream);
        json.WriteStartObject();
        json.WriteString("apiVersion", "v1");
        json.WriteString("kind", "List");
        json.WriteStartArray("items");
        foreach (var group in groups)
        {
            json.WriteStartObject();
            json.WriteString("apiVersion", apiVersion);
            json.WriteString("kind", group.Key is null ? clusterKind : namespacedKind);
            json.WriteStartObject("metadata");
            json.WriteString("name", group.Key is null ? Source : $"{Source}-{group.Key}");
            if (group.Key is not null)
            {
                json.WriteString("namespace", group.Key);
            }

            json.WriteStartObject("labels");
            json.WriteString("app.kubernetes.io/managed-by", Source);
            json.WriteEndObject();
            json.WriteEndObject();
            if (flavor == KubernetesReportFlavor.OpenReports)
            {
                json.WriteString("source", Source);
            }

            WriteSummary(json, group.ToList());
            json.WriteStartArray("results");
            foreach (var finding in group)
            {
                WriteResult(json, finding, result.EvaluatedAt);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string ResultOf(Finding finding) => finding.Suppressed ? "skip" : finding.Blocking ? "fail" : "warn";

    private static void WriteSummary(Utf8JsonWriter json, IReadOnlyList<Finding> findings)
    {
        json.WriteStartObject("summary");
        foreach (var result in new[] { "pass", "fail", "warn", "error", "skip" })
        {
            json.WriteNumber(result, findings.Count(f => ResultOf(f) == result));
        }

        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, DateTimeOffset at)
    {
        json.WriteStartObject();
        json.WriteString("source", Source);
        json.WriteString("policy", finding.RuleId);
        json.WriteString("rule", finding.Rule.Title);
        json.WriteString("category", finding.Category);
        json.WriteString("severity", finding.Severity.ToName());
        json.WriteString("result", ResultOf(finding));
        json.WriteString("message", finding.Message);
        json.WriteBoolean("scored", true);
        json.WriteStartObject("timestamp");
        json.WriteNumber("seconds", at.ToUnixTimeSeconds());
        json.WriteNumber("nanos", 0);
        json.WriteEndObject();
        if (finding.Resource is { } resource)
        {
            json.WriteStartArray("resources");
            json.WriteStartObject();
            json.WriteString("apiVersion", resource.ApiVersion);
            json.WriteString("kind", resource.Kind);
            if (resource.Namespace is not null)
            {
                json.WriteString("namespace", resource.Namespace);
            }

            if (resource.Name is not null)
            {
                json.WriteString("name", resource.Name);
            }

            if (finding.FieldPath.Length > 0)
            {
                json.WriteString("fieldPath", finding.FieldPath);
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        // Properties are strings only (the CRDs' additionalProperties: string), sorted for byte-identical output.
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["file"] = finding.File,
            ["line"] = finding.Line.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["column"] = finding.Column.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["fingerprint"] = finding.Fingerprint,
            ["helpUri"] = finding.Rule.HelpUri,
        };
        if (finding.Environment is not null)
        {
            properties["environment"] = finding.Environment;
        }

        if (finding.Suppression is { } suppression)
        {
            properties["exception"] = suppression.ExceptionId;
            properties["exceptionExpires"] = Policies.Exceptions.UtcDates.FormatDate(suppression.Expires);
        }

        json.WriteStartObject("properties");
        foreach (var property in properties)
        {
            json.WriteString(property.Key, property.Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
