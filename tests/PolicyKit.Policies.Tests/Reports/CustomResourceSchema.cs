using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyKit.Policies.Tests.Reports;

/// <summary>
/// Validates objects against one version of a real CustomResourceDefinition the way an API server with strict field
/// validation (<c>kubectl apply --validate=strict</c>) would: the version's <c>openAPIV3Schema</c>, read as JSON Schema,
/// with what Kubernetes adds to it made explicit — an object with <c>properties</c> takes no other field unless it
/// preserves unknown fields, <c>nullable</c> admits null, <c>int32</c>/<c>int64</c> bound integers — and the
/// <c>metadata</c> rules the server applies to every object (names, namespaces, label keys and values).
/// </summary>
internal sealed class CustomResourceSchema
{
    private static readonly Regex Subdomain = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", RegexOptions.CultureInvariant);
    private static readonly Regex Label = new("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex LabelValue = new("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$", RegexOptions.CultureInvariant);

    private readonly JsonSchema schema;

    private CustomResourceSchema(string group, string kind, string version, bool namespaced, JsonSchema schema)
    {
        ApiVersion = group + "/" + version;
        Kind = kind;
        Namespaced = namespaced;
        this.schema = schema;
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    public bool Namespaced { get; }

    public static CustomResourceSchema Load(string crdFile, string version)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(crdFile))
        {
            yaml.Load(reader);
        }

        var crd = ToJson(yaml.Documents[0].RootNode)!.AsObject();
        var spec = crd["spec"]!.AsObject();
        var served = spec["versions"]!.AsArray().Select(v => v!.AsObject()).SingleOrDefault(v => (string?)v["name"] == version)
            ?? throw new InvalidOperationException($"{crdFile} does not define version {version}");
        var openApi = served["schema"]!["openAPIV3Schema"]!.DeepClone();
        Structural(openApi);
        var text = openApi.ToJsonString();
        return new CustomResourceSchema((string)spec["group"]!, (string)spec["names"]!["kind"]!, version, (string?)spec["scope"] == "Namespaced", JsonSchema.FromText(text));
    }

    /// <summary>Every violation of <paramref name="item"/>, located by JSON pointer; none when it is valid.</summary>
    public IReadOnlyList<string> Violations(JsonElement item)
    {
        var violations = new List<string>();
        var evaluation = schema.Evaluate(item, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!evaluation.IsValid)
        {
            violations.AddRange(evaluation.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? new[] { "invalid" });
        }

        if (item.TryGetProperty("apiVersion", out var apiVersion) && apiVersion.GetString() != ApiVersion)
        {
            violations.Add($"/apiVersion: {apiVersion.GetString()} is not {ApiVersion}");
        }

        if (item.TryGetProperty("kind", out var kind) && kind.GetString() != Kind)
        {
            violations.Add($"/kind: {kind.GetString()} is not {Kind}");
        }

        violations.AddRange(MetadataViolations(item));
        return violations;
    }

    private IEnumerable<string> MetadataViolations(JsonElement item)
    {
        if (!item.TryGetProperty("metadata", out var metadata) || metadata.ValueKind != JsonValueKind.Object)
        {
            yield return "/metadata: missing";
            yield break;
        }

        var name = metadata.TryGetProperty("name", out var nameValue) ? nameValue.GetString() : null;
        if (name is null || name.Length > 253 || !Subdomain.IsMatch(name))
        {
            yield return $"/metadata/name: '{name}' is not a DNS subdomain name (lowercase alphanumerics, '-', '.'; at most 253)";
        }

        var hasNamespace = metadata.TryGetProperty("namespace", out var ns);
        if (Namespaced && (!hasNamespace || ns.GetString() is not { Length: > 0 and <= 63 } nsName || !Label.IsMatch(nsName)))
        {
            yield return "/metadata/namespace: a namespaced kind needs a DNS label namespace";
        }

        if (!Namespaced && hasNamespace)
        {
            yield return "/metadata/namespace: a cluster-scoped kind has no namespace";
        }

        if (metadata.TryGetProperty("labels", out var labels))
        {
            foreach (var label in labels.EnumerateObject())
            {
                var slash = label.Name.LastIndexOf('/');
                var prefix = slash < 0 ? null : label.Name.Substring(0, slash);
                var labelName = slash < 0 ? label.Name : label.Name.Substring(slash + 1);
                var value = label.Value.GetString() ?? string.Empty;
                if ((prefix is not null && (prefix.Length > 253 || !Subdomain.IsMatch(prefix)))
                    || labelName.Length is 0 or > 63 || !LabelValue.IsMatch(labelName)
                    || value.Length > 63 || !LabelValue.IsMatch(value))
                {
                    yield return $"/metadata/labels/{label.Name}: not a valid label";
                }
            }
        }
    }

    /// <summary>Makes explicit, in JSON Schema terms, what Kubernetes reads into a structural schema.</summary>
    private static void Structural(JsonNode? node)
    {
        if (node is not JsonObject schema)
        {
            return;
        }

        var preserve = (bool?)schema["x-kubernetes-preserve-unknown-fields"] == true;
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var property in properties)
            {
                Structural(property.Value);
            }

            if (!preserve && !schema.ContainsKey("additionalProperties"))
            {
                schema["additionalProperties"] = false;
            }
        }

        Structural(schema["items"]);
        Structural(schema["additionalProperties"]);
        foreach (var key in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (schema[key] is JsonArray list)
            {
                foreach (var item in list)
                {
                    Structural(item);
                }
            }
        }

        var format = (string?)schema["format"];
        if (format is "int32" or "int64")
        {
            schema["minimum"] = format == "int32" ? int.MinValue : long.MinValue;
            schema["maximum"] = format == "int32" ? int.MaxValue : long.MaxValue;
        }

        if ((bool?)schema["nullable"] == true && schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray((string)type!, "null");
        }

        if ((bool?)schema["x-kubernetes-int-or-string"] == true)
        {
            schema["type"] = new JsonArray("integer", "string");
        }

        foreach (var key in schema.Select(p => p.Key).Where(k => k.StartsWith("x-kubernetes-", StringComparison.Ordinal) || k is "nullable" or "description").ToList())
        {
            schema.Remove(key);
        }
    }

    /// <summary>YAML as JSON, with plain scalars typed as YAML 1.2's core schema types them.</summary>
    private static JsonNode? ToJson(YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode mapping:
                var result = new JsonObject();
                foreach (var entry in mapping.Children)
                {
                    result[((YamlScalarNode)entry.Key).Value!] = ToJson(entry.Value);
                }

                return result;
            case YamlSequenceNode sequence:
                return new JsonArray(sequence.Children.Select(ToJson).ToArray());
            case YamlScalarNode scalar:
                var text = scalar.Value ?? string.Empty;
                if (scalar.Style != ScalarStyle.Plain)
                {
                    return JsonValue.Create(text);
                }

                if (text is "true" or "false")
                {
                    return JsonValue.Create(text == "true");
                }

                if (text is "null" or "~" or "")
                {
                    return null;
                }

                return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? JsonValue.Create(number) : JsonValue.Create(text);
            default:
                throw new InvalidOperationException("unexpected YAML node " + node.NodeType);
        }
    }
}
