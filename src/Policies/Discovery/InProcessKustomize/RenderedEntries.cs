using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// The entries of a <see cref="RenderedMap"/>, in the order they were added (until sorted): keys and values in two arrays, searched
/// in order. A build makes thousands of small maps, and a dictionary for each was a tenth of a large check's
/// allocations; a map that grows past <see cref="IndexedFrom"/> keys (a large ConfigMap) is also indexed by key.
/// </summary>
internal sealed class RenderedEntries
{
    private const int IndexedFrom = 16;

    private string[] keys;
    private RenderedNode[] values;
    private int count;
    private Dictionary<string, int>? index;

    public RenderedEntries(int capacity)
    {
        keys = new string[Math.Max(capacity, 1)];
        values = new RenderedNode[keys.Length];
    }

    public int Count => count;

    public IEnumerable<string> Keys => new ArraySegment<string>(keys, 0, count);

    public IEnumerable<RenderedNode> Values => new ArraySegment<RenderedNode>(values, 0, count);

    /// <summary>The value at <paramref name="key"/>; setting replaces it in place or adds it last.</summary>
    /// <exception cref="KeyNotFoundException">Getting a key the map does not hold.</exception>
    public RenderedNode this[string key]
    {
        get => IndexOf(key) is var at and >= 0 ? values[at] : throw new KeyNotFoundException($"the map has no key '{key}'");
        set
        {
            var at = IndexOf(key);
            if (at >= 0)
            {
                values[at] = value;
            }
            else
            {
                Append(key, value);
            }
        }
    }

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    /// <summary>Adds a key the map does not hold yet (the caller has checked).</summary>
    public void Add(string key, RenderedNode value) => Append(key, value);

    public bool TryGetValue(string key, out RenderedNode value)
    {
        var at = IndexOf(key);
        value = at >= 0 ? values[at] : null!;
        return at >= 0;
    }

    public bool Remove(string key)
    {
        var at = IndexOf(key);
        if (at < 0)
        {
            return false;
        }

        count--;
        Array.Copy(keys, at + 1, keys, at, count - at);
        Array.Copy(values, at + 1, values, at, count - at);
        keys[count] = null!;
        values[count] = null!;
        index = null;
        if (count >= IndexedFrom)
        {
            BuildIndex();
        }

        return true;
    }

    /// <summary>The key at <paramref name="index"/> in the current order.</summary>
    public string KeyAt(int index) => keys[index];

    /// <summary>The value at <paramref name="index"/> in the current order.</summary>
    public RenderedNode ValueAt(int index) => values[index];

    /// <summary>Puts the entries in <paramref name="order"/> of their keys, keys and values together, in place.</summary>
    public void SortByKey(IComparer<string> order)
    {
        Array.Sort(keys, values, 0, count, order);
        if (index is not null)
        {
            BuildIndex();
        }
    }

    private int IndexOf(string key)
    {
        if (index is not null)
        {
            return index.TryGetValue(key, out var at) ? at : -1;
        }

        for (var i = 0; i < count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private void Append(string key, RenderedNode value)
    {
        if (count == keys.Length)
        {
            Array.Resize(ref keys, count * 2);
            Array.Resize(ref values, count * 2);
        }

        keys[count] = key;
        values[count] = value;
        count++;
        if (index is not null)
        {
            index[key] = count - 1;
        }
        else if (count == IndexedFrom)
        {
            BuildIndex();
        }
    }

    private void BuildIndex()
    {
        index = new Dictionary<string, int>(count * 2, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            index[keys[i]] = i;
        }
    }
}
