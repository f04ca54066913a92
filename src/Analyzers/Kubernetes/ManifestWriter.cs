using System.Collections.Generic;
using System.Text;
using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Kubernetes;

/// <summary>
/// Writes a C#-built object as the manifest it stands for, remembering for every line the initializer member it came
/// from, so an engine finding on line N is reported at that member. A pod spec or a container built alone is wrapped in a
/// Pod, which is how the engine judges it.
/// </summary>
internal sealed class ManifestWriter
{
    private readonly StringBuilder text = new();
    private readonly List<LineOrigin> lines = new();

    public string Text => text.ToString();

    /// <summary>What produced the 1-based <paramref name="line"/>, or null past the end.</summary>
    public LineOrigin? OriginOf(int line) => line >= 1 && line <= lines.Count ? lines[line - 1] : null;

    public static ManifestWriter Write(ModelMapping root, string apiVersion, string kind, RootShape shape)
    {
        var writer = new ManifestWriter();
        writer.Line("apiVersion: " + apiVersion, root, root.Origin);
        writer.Line("kind: " + kind, root, root.Origin);
        switch (shape)
        {
            case RootShape.PodSpec:
                writer.Line("spec:", root, root.Origin);
                writer.Mapping(root, 2, null);
                break;
            case RootShape.Container:
                writer.Line("spec:", root, root.Origin);
                writer.Line("  containers:", root, root.Origin);
                writer.Mapping(root, 4, "  - ");
                break;
            default:
                writer.Mapping(root, 0, null, skipTypeFields: true);
                break;
        }

        return writer;
    }

    private void Mapping(ModelMapping mapping, int indent, string? firstPrefix, bool skipTypeFields = false)
    {
        var pad = new string(' ', indent);
        var first = true;
        foreach (var entry in mapping.Entries)
        {
            if (skipTypeFields && entry.Key is "apiVersion" or "kind")
            {
                continue;
            }

            var prefix = first && firstPrefix is not null ? firstPrefix : pad;
            first = false;
            switch (entry.Value)
            {
                case ModelScalar scalar:
                    Line(prefix + entry.Key + ": " + scalar.Yaml, mapping, entry.Origin);
                    break;
                case ModelMapping { Entries.Count: 0 }:
                    Line(prefix + entry.Key + ": {}", mapping, entry.Origin);
                    break;
                case ModelMapping child:
                    Line(prefix + entry.Key + ":", mapping, entry.Origin);
                    Mapping(child, indent + 2, null);
                    break;
                case ModelSequence { Items.Count: 0 }:
                    Line(prefix + entry.Key + ": []", mapping, entry.Origin);
                    break;
                case ModelSequence sequence:
                    Line(prefix + entry.Key + ":", mapping, entry.Origin);
                    Sequence(sequence, indent + 2, mapping);
                    break;
            }
        }

        if (first && firstPrefix is not null)
        {
            Line(firstPrefix + "{}", mapping, mapping.Origin);
        }
    }

    private void Sequence(ModelSequence sequence, int indent, ModelMapping owner)
    {
        var dash = new string(' ', indent) + "- ";
        foreach (var item in sequence.Items)
        {
            switch (item)
            {
                case ModelMapping mapping:
                    Mapping(mapping, indent + 2, dash);
                    break;
                case ModelScalar scalar:
                    Line(dash + scalar.Yaml, owner, scalar.Origin);
                    break;
                case ModelSequence nested:
                    Line(dash + "[]", owner, nested.Origin);
                    break;
            }
        }
    }

    private void Line(string line, ModelMapping owner, SyntaxNode origin)
    {
        text.Append(line).Append('\n');
        lines.Add(new LineOrigin(owner, origin));
    }
}

/// <summary>The mapping a manifest line belongs to and the syntax that set it.</summary>
internal sealed class LineOrigin
{
    public LineOrigin(ModelMapping owner, SyntaxNode syntax)
    {
        Owner = owner;
        Syntax = syntax;
    }

    public ModelMapping Owner { get; }

    public SyntaxNode Syntax { get; }
}
