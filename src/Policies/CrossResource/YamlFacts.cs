using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource;

/// <summary>Small readings of YAML nodes that collectors share.</summary>
internal static class YamlFacts
{
    /// <summary>
    /// A mapping of scalars as a dictionary (labels, selectors), as <see cref="CompactLabels.Of"/> reads it: facts keep
    /// these until the run ends, so they are stored as one small array.
    /// </summary>
    public static IReadOnlyDictionary<string, string> StringMap(MappingNode? mapping) => CompactLabels.Of(mapping);

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
