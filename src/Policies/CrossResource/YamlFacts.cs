using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource;

/// <summary>Small readings of YAML nodes that collectors share.</summary>
internal static class YamlFacts
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    /// <summary>A mapping of scalars as a dictionary (labels, selectors); non-scalar and null values are left out.</summary>
    public static IReadOnlyDictionary<string, string> StringMap(MappingNode? mapping)
    {
        if (mapping is null || mapping.Entries.Count == 0)
        {
            return Empty;
        }

        var map = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } value)
            {
                map[entry.Key.Value] = value.Value;
            }
        }

        return map;
    }

    public static IReadOnlyList<string> Strings(YamlNode? node)
    {
        if (node is not SequenceNode sequence)
        {
            return node is ScalarNode { IsNull: false } single ? new[] { single.Value } : System.Array.Empty<string>();
        }

        var values = new List<string>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item is ScalarNode { IsNull: false } scalar)
            {
                values.Add(scalar.Value);
            }
        }

        return values;
    }

    public static int? Integer(YamlNode? node) =>
        node is ScalarNode { IsNull: false } scalar && int.TryParse(Loading.KubernetesNumbers.Normalize(scalar.Value), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    public static string? Text(YamlNode? node) => node is ScalarNode { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>The first node that exists, for locating a finding at the most specific field written.</summary>
    public static YamlNode First(params YamlNode?[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate is not null)
            {
                return candidate;
            }
        }

        throw new System.ArgumentException("at least one candidate must exist", nameof(candidates));
    }
}
