using System;
using System.Text.Json;
using PolicyKit.Policies.Provenance;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Evidence;

/// <summary>
/// Reads the facts policy judges from an SLSA v1 provenance predicate: builder id, build type, and the source
/// repository and ref (GitHub Actions' workflow parameters, else the first resolved dependency's git URI).
/// </summary>
internal static class SlsaFacts
{
    public const string PredicateTypeV1 = "https://slsa.dev/provenance/v1";

    public static SlsaProvenance? Read(InTotoStatement? statement)
    {
        if (statement is null || statement.PredicateType != PredicateTypeV1)
        {
            return null;
        }

        using var document = JsonDocument.Parse(statement.PredicateJson);
        var predicate = document.RootElement;
        var builderId = Text(predicate, "runDetails", "builder", "id");
        var buildType = Text(predicate, "buildDefinition", "buildType");
        var repository = Text(predicate, "buildDefinition", "externalParameters", "workflow", "repository");
        var reference = Text(predicate, "buildDefinition", "externalParameters", "workflow", "ref");
        if ((repository is null || reference is null)
            && predicate.TryGetProperty("buildDefinition", out var definition) && definition.ValueKind == JsonValueKind.Object
            && definition.TryGetProperty("resolvedDependencies", out var dependencies) && dependencies.ValueKind == JsonValueKind.Array
            && dependencies.GetArrayLength() > 0 && Text(dependencies[0], "uri") is { } uri)
        {
            // e.g. git+https://github.com/example/odoo-images@refs/heads/main
            var plain = uri.StartsWith("git+", StringComparison.Ordinal) ? uri.Substring(4) : uri;
            var at = plain.LastIndexOf('@');
            repository ??= at > 0 ? plain.Substring(0, at) : plain;
            reference ??= at > 0 ? plain.Substring(at + 1) : null;
        }

        return new SlsaProvenance(builderId, buildType, repository, reference);
    }

    private static string? Text(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
