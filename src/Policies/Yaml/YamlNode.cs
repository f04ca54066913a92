namespace PolicyKit.Policies.Yaml;

/// <summary>A node of a loaded YAML or JSON document, with the 1-based line and column where it starts.</summary>
public abstract class YamlNode
{
    protected YamlNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public int Line { get; }

    public int Column { get; }
}
