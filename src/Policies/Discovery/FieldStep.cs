using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// One step of a finding's field path (<c>spec.template.spec.containers[name=odoo].image</c>): a mapping key, or a
/// list item chosen by <c>name</c> or by index. Used to find the same field in the files a render came from.
/// </summary>
internal readonly struct FieldStep
{
    // Field paths name fields, not values, so a run sees a bounded set; the cap only guards against the unexpected.
    private const int MaxSharedPaths = 100_000;

    private static readonly ConcurrentDictionary<string, FieldStep[]> Parsed = new(StringComparer.Ordinal);

    private FieldStep(string? key, string? itemName, int itemIndex)
    {
        Key = key;
        ItemName = itemName;
        ItemIndex = itemIndex;
    }

    public string? Key { get; }

    public string? ItemName { get; }

    public int ItemIndex { get; }

    /// <summary>The steps of a field path, parsed once per distinct path (facts and findings repeat the same paths).</summary>
    public static IReadOnlyList<FieldStep> ParseShared(string fieldPath)
    {
        if (Parsed.TryGetValue(fieldPath, out var steps))
        {
            return steps;
        }

        steps = Parse(fieldPath).ToArray();
        if (Parsed.Count < MaxSharedPaths)
        {
            Parsed.TryAdd(fieldPath, steps);
        }

        return steps;
    }

    private static List<FieldStep> Parse(string fieldPath)
    {
        var steps = new List<FieldStep>();
        if (fieldPath.Length == 0)
        {
            return steps;
        }

        foreach (var segment in Segments(fieldPath))
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
                // [name=x] selects a list item, [3] an index, and anything else is a key that is no identifier (data[tls.key]).
                steps.Add(selector.StartsWith("name=", StringComparison.Ordinal) ? new FieldStep(null, selector.Substring(5), -1)
                    : int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? new FieldStep(null, null, index)
                    : new FieldStep(selector, null, -1));
                bracket = segment.IndexOf('[', close);
            }
        }

        return steps;
    }

    public static FieldStep ForKey(string key) => new(key, null, -1);

    /// <summary>The path's dot-separated segments; a dot inside brackets belongs to a key (<c>data[odoo.conf]</c>).</summary>
    private static IEnumerable<string> Segments(string fieldPath)
    {
        var start = 0;
        var depth = 0;
        for (var i = 0; i < fieldPath.Length; i++)
        {
            switch (fieldPath[i])
            {
                case '[':
                    depth++;
                    break;
                case ']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '.' when depth == 0:
                    yield return fieldPath.Substring(start, i - start);
                    start = i + 1;
                    break;
            }
        }

        yield return fieldPath.Substring(start);
    }

    /// <summary>
    /// Finds the steps from <paramref name="root"/> to the node that starts at <paramref name="line"/> and
    /// <paramref name="column"/>, and whether that node is a mapping key; false when none does. A block mapping starts
    /// where its first key does, so the finding's <paramref name="fieldPath"/> decides between the two: the key when the
    /// path goes through it (a missing <c>data.encryption</c> reported at <c>data</c>), the mapping otherwise.
    /// </summary>
    /// <param name="root">The tree to search.</param>
    /// <param name="line">The node's line.</param>
    /// <param name="column">The node's column.</param>
    /// <param name="fieldPath">The field path the finding names.</param>
    /// <param name="steps">
    /// Cleared, then filled with the steps: the caller's own list, reused from one search to the next, since locating
    /// every field of every fact searches once per field.
    /// </param>
    /// <param name="isKey">Whether the node found is a mapping key.</param>
    public static bool TryPathTo(YamlNode root, int line, int column, string fieldPath, List<FieldStep> steps, out bool isKey)
    {
        steps.Clear();
        return Search(root, line, column, ParseShared(fieldPath), steps, out isKey);
    }

    private static bool Search(YamlNode node, int line, int column, IReadOnlyList<FieldStep> hint, List<FieldStep> steps, out bool isKey)
    {
        isKey = false;
        if (node.Line == line && node.Column == column)
        {
            if (node is MappingNode { Entries.Count: > 0 } block && block.Entries[0].Key is var first
                && first.Line == line && first.Column == column
                && hint.Count > steps.Count && string.Equals(hint[steps.Count].Key, first.Value, StringComparison.Ordinal))
            {
                steps.Add(ForKey(first.Value));
                isKey = true;
            }

            return true;
        }

        if (node.Line > line)
        {
            return false;
        }

        switch (node)
        {
            case MappingNode mapping:
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    var entry = mapping.Entries[i];
                    if (i + 1 < mapping.Entries.Count && !mapping.ChildrenOutOfOrder && IsAtOrBefore(mapping.Entries[i + 1].Key, line, column))
                    {
                        // The position lies at or after the next key, so not inside this entry.
                        continue;
                    }

                    steps.Add(ForKey(entry.Key.Value));
                    if (entry.Key.Line == line && entry.Key.Column == column && !(entry.Value.Line == line && entry.Value.Column == column))
                    {
                        isKey = true;
                        return true;
                    }

                    if (Search(entry.Value, line, column, hint, steps, out isKey))
                    {
                        return true;
                    }

                    steps.RemoveAt(steps.Count - 1);
                }

                return false;
            case SequenceNode sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var item = sequence.Items[i];
                    if (i + 1 < sequence.Items.Count && !sequence.ChildrenOutOfOrder && IsAtOrBefore(sequence.Items[i + 1], line, column))
                    {
                        continue;
                    }

                    var name = (item as MappingNode)?.GetString("name");
                    steps.Add(name is null ? new FieldStep(null, null, i) : new FieldStep(null, name, -1));
                    if (Search(item, line, column, hint, steps, out isKey))
                    {
                        return true;
                    }

                    steps.RemoveAt(steps.Count - 1);
                }

                return false;
            default:
                return false;
        }
    }

    private static bool IsAtOrBefore(YamlNode node, int line, int column) => node.Line < line || (node.Line == line && node.Column <= column);

    /// <summary>The key node of the entry the last of <paramref name="steps"/> selects under <paramref name="start"/>, or null.</summary>
    public static YamlNode? KeyAt(YamlNode start, IReadOnlyList<FieldStep> steps)
    {
        if (steps.Count == 0 || steps[steps.Count - 1].Key is not { } key)
        {
            return null;
        }

        YamlNode? parent = start;
        for (var i = 0; i < steps.Count - 1 && parent is not null; i++)
        {
            parent = steps[i].Select(parent);
        }

        return parent is MappingNode mapping && mapping.TryGetEntry(key, out var entry) ? entry.Key : null;
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
            // Indexed rather than enumerated: enumerating the read-only list boxes an enumerator on every step.
            var items = sequence.Items;
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is MappingNode mapping && mapping.GetString("name") == ItemName)
                {
                    return items[i];
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
