namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Where, inside the resource a fact came from, a cross-resource finding would point: the line and column of the field
/// that must change and its field path (which fingerprints use, so it must name the field, never its position).
/// </summary>
internal readonly record struct FactLocation(int Line, int Column, string FieldPath)
{
    public static FactLocation At(Yaml.YamlNode node, string fieldPath) => new(node.Line, node.Column, fieldPath);
}
