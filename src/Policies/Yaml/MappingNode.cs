using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace PolicyKit.Policies.Yaml;

/// <summary>A key/value pair of a mapping; the key keeps its own position so findings can point at it.</summary>
public readonly struct YamlEntry
{
    public YamlEntry(ScalarNode key, YamlNode value)
    {
        Key = key;
        Value = value;
    }

    public ScalarNode Key { get; }

    public YamlNode Value { get; }
}

/// <summary>A YAML mapping or JSON object, in source order.</summary>
public sealed class MappingNode : YamlNode
{
    public MappingNode(IReadOnlyList<YamlEntry> entries, int line, int column)
        : base(line, column)
    {
        Entries = entries;
    }

    public IReadOnlyList<YamlEntry> Entries { get; }

    /// <summary>
    /// Finds an entry by key. Kubernetes manifests have small mappings, so a linear scan beats hashing;
    /// the scan runs backwards because, like the Kubernetes decoders, a repeated key's last value wins.
    /// </summary>
    public bool TryGetEntry(string key, out YamlEntry entry)
    {
        for (var i = Entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(Entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                entry = Entries[i];
                return true;
            }
        }

        entry = default;
        return false;
    }

    public YamlNode? Get(string key) => TryGetEntry(key, out var entry) ? entry.Value : null;

    public MappingNode? GetMapping(string key) => Get(key) as MappingNode;

    public SequenceNode? GetSequence(string key) => Get(key) as SequenceNode;

    public ScalarNode? GetScalar(string key) => Get(key) as ScalarNode;

    /// <summary>The text of a scalar value, or null when the key is absent, null or not a scalar.</summary>
    public string? GetString(string key)
    {
        var scalar = GetScalar(key);
        return scalar is null || scalar.IsNull ? null : scalar.Value;
    }

    /// <summary>Follows a dotted path of mapping keys (<c>spec.template.spec</c>).</summary>
    public bool TryGetPath(string dottedPath, [NotNullWhen(true)] out YamlNode? node)
    {
        YamlNode? current = this;
        foreach (var segment in dottedPath.Split('.'))
        {
            if (current is not MappingNode mapping || (current = mapping.Get(segment)) is null)
            {
                node = null;
                return false;
            }
        }

        node = current;
        return node is not null;
    }
}
