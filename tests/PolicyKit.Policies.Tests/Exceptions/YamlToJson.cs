using System.Globalization;
using System.Text.Json.Nodes;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>Turns a loaded YAML tree into JSON the way a YAML-aware editor does before checking it against a JSON Schema.</summary>
internal static class YamlToJson
{
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        MappingNode mapping => Object(mapping),
        SequenceNode sequence => Array(sequence),
        ScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonObject Object(MappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var entry in mapping.Entries)
        {
            result[entry.Key.Value] = Convert(entry.Value);
        }

        return result;
    }

    private static JsonArray Array(SequenceNode sequence)
    {
        var result = new JsonArray();
        foreach (var item in sequence.Items)
        {
            result.Add(Convert(item));
        }

        return result;
    }

    private static JsonNode? Scalar(ScalarNode scalar)
    {
        if (scalar.IsNull)
        {
            return null;
        }

        if (scalar.AsBoolean() is { } boolean && (scalar.Value is "true" or "false"))
        {
            return JsonValue.Create(boolean);
        }

        return scalar.IsPlain && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(scalar.Value);
    }
}
