using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Loading;

/// <summary>One document of a YAML stream (or a whole JSON file) that parsed into a node tree.</summary>
public sealed record SourceDocument(int Index, YamlNode Root);
