using System;
using System.Globalization;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// Follows a finding's field path (<c>spec.template.spec.containers[name=odoo].image</c>) back to its node, so a scope
/// can match the value a finding is about without every check having to repeat it.
/// </summary>
internal static class FieldPathNavigator
{
    public static YamlNode? Find(MappingNode root, string fieldPath)
    {
        YamlNode? current = root;
        foreach (var segment in fieldPath.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            var key = bracket < 0 ? segment : segment.Substring(0, bracket);
            current = (current as MappingNode)?.Get(key);
            if (current is null)
            {
                return null;
            }

            if (bracket >= 0)
            {
                current = Select(current as SequenceNode, segment.Substring(bracket + 1).TrimEnd(']'));
                if (current is null)
                {
                    return null;
                }
            }
        }

        return current;
    }

    private static YamlNode? Select(SequenceNode? sequence, string selector)
    {
        if (sequence is null)
        {
            return null;
        }

        if (selector.StartsWith("name=", StringComparison.Ordinal))
        {
            var name = selector.Substring("name=".Length);
            foreach (var item in sequence.Items)
            {
                if (item is MappingNode mapping && mapping.GetString("name") == name)
                {
                    return item;
                }
            }

            return null;
        }

        return int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < sequence.Items.Count
            ? sequence.Items[index]
            : null;
    }
}
