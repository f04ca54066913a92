using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Loading;

/// <summary>Reports keys repeated in one mapping: Kubernetes keeps the last value silently, which hides mistakes.</summary>
internal static class DuplicateKeys
{
    public static void Report(List<YamlEntry> entries, int documentIndex, List<InputProblem> problems)
    {
        if (entries.Count < 2)
        {
            return;
        }

        // Most Kubernetes mappings hold a handful of keys: comparing pairs is cheaper than allocating a set.
        for (var i = 1; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (IndexOfKey(entries, entry.Key.Value, i) >= 0)
            {
                problems.Add(new InputProblem(
                    InputProblemKind.DuplicateKey,
                    $"key \"{entry.Key.Value}\" appears more than once in the same mapping",
                    entry.Key.Line,
                    entry.Key.Column,
                    documentIndex));
            }
        }
    }

    private static int IndexOfKey(List<YamlEntry> entries, string key, int before)
    {
        for (var j = 0; j < before; j++)
        {
            if (string.Equals(entries[j].Key.Value, key, StringComparison.Ordinal))
            {
                return j;
            }
        }

        return -1;
    }
}
