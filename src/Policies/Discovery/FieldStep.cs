using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// One step of a finding's field path (<c>spec.template.spec.containers[name=odoo].image</c>): a mapping key, or a
/// list item chosen by <c>name</c> or by index. Used to find the same field in the files a render came from.
/// </summary>
internal readonly struct FieldStep
{
    private FieldStep(string? key, string? itemName, int itemIndex)
    {
        Key = key;
        ItemName = itemName;
        ItemIndex = itemIndex;
    }

    public string? Key { get; }

    public string? ItemName { get; }

    public int ItemIndex { get; }

    public static List<FieldStep> Parse(string fieldPath)
    {
        var steps = new List<FieldStep>();
        if (fieldPath.Length == 0)
        {
            return steps;
        }

        foreach (var segment in fieldPath.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            steps.Add(new FieldStep(bracket < 0 ? segment : segment.Substring(0, bracket), null, -1));
            while (bracket >= 0)
            {
                var close = segment.IndexOf(']', bracket);
                if (close < 0)
                {
                    break;
                }

                var selector = segment.Substring(bracket + 1, close - bracket - 1);
                steps.Add(selector.StartsWith("name=", StringComparison.Ordinal)
                    ? new FieldStep(null, selector.Substring(5), -1)
                    : new FieldStep(null, null, int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1));
                bracket = segment.IndexOf('[', close);
            }
        }

        return steps;
    }

    /// <summary>The child this step selects, or null.</summary>
    public YamlNode? Select(YamlNode? node)
    {
        if (Key is not null)
        {
            return (node as MappingNode)?.Get(Key);
        }

        if (node is not SequenceNode sequence)
        {
            return null;
        }

        if (ItemName is not null)
        {
            foreach (var item in sequence.Items)
            {
                if (item is MappingNode mapping && mapping.GetString("name") == ItemName)
                {
                    return item;
                }
            }

            return null;
        }

        return ItemIndex >= 0 && ItemIndex < sequence.Items.Count ? sequence.Items[ItemIndex] : null;
    }

    /// <summary>The JSON pointer token of this step, with list items numbered as in <paramref name="sequence"/>.</summary>
    public string PointerToken(YamlNode? sequence)
    {
        if (Key is not null)
        {
            return Key;
        }

        if (ItemName is not null && sequence is SequenceNode items)
        {
            for (var i = 0; i < items.Items.Count; i++)
            {
                if (items.Items[i] is MappingNode mapping && mapping.GetString("name") == ItemName)
                {
                    return i.ToString(CultureInfo.InvariantCulture);
                }
            }
        }

        return ItemIndex.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Follows as many steps as exist from <paramref name="start"/>; returns the deepest node and how many steps it took.</summary>
    public static (YamlNode Node, int Depth) Deepest(YamlNode start, IReadOnlyList<FieldStep> steps, int from = 0)
    {
        var node = start;
        var depth = 0;
        for (var i = from; i < steps.Count; i++)
        {
            var next = steps[i].Select(node);
            if (next is null)
            {
                break;
            }

            node = next;
            depth++;
        }

        return (node, depth);
    }
}
