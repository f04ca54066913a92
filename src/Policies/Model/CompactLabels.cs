using System;
using System.Collections;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Model;

/// <summary>
/// A resource's labels (or a selector's) in one small array, in the order they are written. Every judged resource with
/// a finding or a cross-resource fact keeps its labels until the run ends, and objects carry a handful of labels, so a
/// dictionary's buckets and entries would cost several times the strings they point to.
/// </summary>
internal sealed class CompactLabels : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] pairs;

    public CompactLabels(KeyValuePair<string, string>[] pairs)
    {
        this.pairs = pairs;
    }

    /// <summary>
    /// A mapping of scalars (labels, a selector's <c>matchLabels</c>); non-scalar and null values are left out, and a key
    /// written twice keeps its first place and its last value, as a dictionary filled in order would.
    /// </summary>
    public static CompactLabels Of(MappingNode? mapping)
    {
        if (mapping is null || mapping.Entries.Count == 0)
        {
            return None;
        }

        var result = new List<KeyValuePair<string, string>>(mapping.Entries.Count);
        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            var entry = mapping.Entries[i];
            if (entry.Value is not ScalarNode { IsNull: false } value)
            {
                continue;
            }

            var existing = result.Count - 1;
            while (existing >= 0 && !string.Equals(result[existing].Key, entry.Key.Value, StringComparison.Ordinal))
            {
                existing--;
            }

            var pair = new KeyValuePair<string, string>(entry.Key.Value, value.Value);
            if (existing >= 0)
            {
                result[existing] = pair;
            }
            else
            {
                result.Add(pair);
            }
        }

        return result.Count == 0 ? None : new CompactLabels(result.ToArray());
    }

    /// <summary>No labels.</summary>
    public static CompactLabels None { get; } = new(Array.Empty<KeyValuePair<string, string>>());

    public int Count => pairs.Length;

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var pair in pairs)
            {
                yield return pair.Key;
            }
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            foreach (var pair in pairs)
            {
                yield return pair.Value;
            }
        }
    }

    public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no label '{key}'");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, out string value)
    {
        for (var i = 0; i < pairs.Length; i++)
        {
            if (string.Equals(pairs[i].Key, key, StringComparison.Ordinal))
            {
                value = pairs[i].Value;
                return true;
            }
        }

        value = null!;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
