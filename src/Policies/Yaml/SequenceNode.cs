using System.Collections.Generic;

namespace PolicyKit.Policies.Yaml;

/// <summary>A YAML sequence or JSON array.</summary>
public sealed class SequenceNode : YamlNode
{
    public SequenceNode(IReadOnlyList<YamlNode> items, int line, int column)
        : base(line, column)
    {
        Items = items;
    }

    public IReadOnlyList<YamlNode> Items { get; }
}
