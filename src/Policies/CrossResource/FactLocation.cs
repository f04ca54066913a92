using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Where, inside the resource a fact came from, a cross-resource finding would point: the line and column of the field
/// that must change and its field path (which fingerprints use, so it must name the field, never its position).
/// </summary>
internal readonly record struct FactLocation(int Line, int Column, string FieldPath)
{
    // Field paths repeat from tenant to tenant; facts keep one copy of each.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> FieldPaths = new(System.StringComparer.Ordinal);

    // Where a rendered resource's field is written, kept in place rather than as an object: facts keep a location for
    // every field they may report, and few of them ever are.
    private readonly string? locatedFile;
    private readonly int locatedLine;
    private readonly int locatedColumn;
    private readonly string? locatedMapping;

    /// <summary>For a rendered resource, where the field is written in the files a person edits (see <see cref="FactLocator"/>).</summary>
    public SourceLocation? Located
    {
        get => locatedFile is null ? null : new SourceLocation(locatedFile, locatedLine, locatedColumn, locatedMapping!);
        init
        {
            locatedFile = value?.File;
            locatedLine = value?.Line ?? 0;
            locatedColumn = value?.Column ?? 0;
            locatedMapping = value?.Mapping;
        }
    }

    public static FactLocation At(Yaml.YamlNode node, string fieldPath)
    {
        fieldPath = FieldPaths.GetOrAdd(fieldPath, fieldPath);
        return new(node.Line, node.Column, fieldPath) { Located = FactLocator.Locate(fieldPath, node.Line, node.Column) };
    }
}
