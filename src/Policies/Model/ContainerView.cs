using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Model;

/// <summary>One container of a pod spec, from any of its container lists.</summary>
public sealed class ContainerView
{
    internal ContainerView(MappingNode node, string list, int index, string podSpecPath)
    {
        Node = node;
        List = list;
        var nameNode = node.GetScalar("name");
        Name = nameNode is null || nameNode.IsNull ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : nameNode.Value;
        NameNode = nameNode;

        // Containers are addressed by name, not position, so a finding's field path survives reordering.
        Path = nameNode is null || nameNode.IsNull
            ? $"{podSpecPath}.{list}[{index}]"
            : $"{podSpecPath}.{list}[name={nameNode.Value}]";
    }

    public MappingNode Node { get; }

    /// <summary><c>containers</c>, <c>initContainers</c> or <c>ephemeralContainers</c>.</summary>
    public string List { get; }

    public string Name { get; }

    public ScalarNode? NameNode { get; }

    /// <summary>The container's field path, e.g. <c>spec.template.spec.containers[name=odoo]</c>.</summary>
    public string Path { get; }

    /// <summary>The node findings about the container as a whole point at: its name, else the container itself.</summary>
    public YamlNode Anchor => (YamlNode?)NameNode ?? Node;
}
