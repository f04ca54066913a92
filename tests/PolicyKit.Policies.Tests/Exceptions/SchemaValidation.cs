using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>
/// Validates JSON against a schema file. Each schema is built once, into its own registry, so these tests never
/// collide with other tests that build the same schema into the global registry.
/// </summary>
internal static class SchemaValidation
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    public static string[] Errors(string json, string schemaPath)
    {
        var schema = Schemas.GetOrAdd(schemaPath, path => JsonSchema.FromText(File.ReadAllText(path), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));
        using var document = JsonDocument.Parse(json);
        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return evaluation.IsValid
            ? System.Array.Empty<string>()
            : (evaluation.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? Enumerable.Empty<string>()).DefaultIfEmpty("invalid").ToArray();
    }

    public static void AssertValid(string json, string schemaPath)
    {
        var errors = Errors(json, schemaPath);
        Assert.True(errors.Length == 0, "schema violations:\n" + string.Join("\n", errors));
    }
}
