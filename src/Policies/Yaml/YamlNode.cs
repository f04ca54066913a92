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

    /// <summary>
    /// Whether a child of this collection is an alias or an entry merged from elsewhere, so its children do not follow
    /// each other in the text (searches by position rely on that order).
    /// </summary>
    internal bool ChildrenOutOfOrder { get; init; }
}
