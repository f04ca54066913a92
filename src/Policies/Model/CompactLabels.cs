using System;
using System.Collections;
using System.Collections.Generic;

namespace PolicyKit.Policies.Model;

/// <summary>
/// A resource's labels in one small array, in the order they are written. Every judged resource with a finding or a
/// cross-resource fact keeps its labels until the run ends, and objects carry a handful of labels, so a dictionary's
/// buckets and entries would cost several times the strings they point to.
/// </summary>
internal sealed class CompactLabels : IReadOnlyDictionary<string, string>
{
    private readonly KeyValuePair<string, string>[] pairs;

    public CompactLabels(KeyValuePair<string, string>[] pairs)
    {
        this.pairs = pairs;
    }

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
