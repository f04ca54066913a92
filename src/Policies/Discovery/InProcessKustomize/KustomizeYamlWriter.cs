using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// Prints rendered objects the way <c>kubectl kustomize</c> does (go-yaml v2 through sigs.k8s.io/yaml): two-space
/// indentation, sequences not indented under their key, strings plain where YAML would read them back as the same
/// string, multi-line strings as literal blocks unless a line ends in a space or holds a control character. The
/// checks read this text, so a value's style decides what they see (a quoted <c>"yes"</c> is no boolean) and where a
/// secret inside a block is located.
/// </summary>
internal sealed class KustomizeYamlWriter
{
    // The longest plain key the loader's direct reader reads itself.
    private const int MaxImplicitKeyLength = 1024;

    private readonly StringBuilder output;
    private readonly int maxDepth;
    private readonly bool buildTrees;
    private int line = 1;
    private int lineStart;
    private int depth;

    // Set when the text holds what the loader's direct reader leaves to YamlDotNet (a block that keeps its final line
    // breaks, collections nested to the reader's limit): the trees built would then not be the loader's own reading.
    private bool treesUnsure;

    private KustomizeYamlWriter(StringBuilder output, int maxDepth, bool buildTrees)
    {
        this.output = output;
        this.maxDepth = maxDepth;
        this.buildTrees = buildTrees;
        lineStart = output.Length;
    }

    private int Column => output.Length - lineStart + 1;

    /// <summary>Writes the documents separated by <c>---</c>; false when a string cannot be printed as kustomize would.</summary>
    public static bool TryWrite(IReadOnlyList<RenderedMap> documents, StringBuilder output) =>
        new KustomizeYamlWriter(output, int.MaxValue, buildTrees: false).Write(documents, null);

    /// <summary>
    /// Writes the documents into an empty <paramref name="output"/> and builds, as it goes, the trees the loader's reader
    /// would build from the text (the same values, styles and positions), so the text need not be parsed again.
    /// </summary>
    /// <param name="documents">The rendered objects, in print order.</param>
    /// <param name="output">Where the text goes; empty, so positions count from its start.</param>
    /// <param name="maxDepth">The reader's nesting limit; text that reaches it is left to the reader.</param>
    /// <param name="trees">
    /// One document per object, or null when the text holds something the reader would hand to YamlDotNet.
    /// </param>
    public static bool TryWrite(IReadOnlyList<RenderedMap> documents, StringBuilder output, int maxDepth, out List<SourceDocument>? trees)
    {
        var writer = new KustomizeYamlWriter(output, maxDepth, buildTrees: true);
        var built = new List<SourceDocument>(documents.Count);
        var written = writer.Write(documents, built);
        trees = written && !writer.treesUnsure && built.Count > 0 ? built : null;
        return written;
    }

    private bool Write(IReadOnlyList<RenderedMap> documents, List<SourceDocument>? trees)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                output.Append("---");
                NewLine();
            }

            if (documents[i].Entries.Count == 0)
            {
                treesUnsure = true;
            }

            if (!WriteMapBody(documents[i], 0, firstLineWritten: false, out var root))
            {
                return false;
            }

            trees?.Add(new SourceDocument(i, root!));
        }

        return true;
    }

    private void NewLine()
    {
        output.Append('\n');
        line++;
        lineStart = output.Length;
    }

    private void EnterCollection()
    {
        if (++depth >= maxDepth - 1)
        {
            treesUnsure = true;
        }
    }

    private bool WriteMapBody(RenderedMap map, int indent, bool firstLineWritten, out YamlNode? node)
    {
        node = null;
        EnterCollection();
        map.SortForPrinting();
        var count = map.Entries.Count;
        var entries = buildTrees ? new List<YamlEntry>(count) : null;
        var (mapLine, mapColumn) = (0, 0);
        for (var i = 0; i < count; i++)
        {
            var key = map.Entries.KeyAt(i);
            if (!(i == 0 && firstLineWritten))
            {
                output.Append(' ', indent);
            }

            var (keyLine, keyColumn) = (line, Column);
            if (i == 0)
            {
                (mapLine, mapColumn) = (keyLine, keyColumn);
            }

            if (!WriteKey(key, out var keyIsPlain) || !WriteValue(map.Entries.ValueAt(i), indent, inSequence: false, out var value))
            {
                return false;
            }

            // The reader leaves a plain key that starts with a dash, or a very long one, to YamlDotNet.
            treesUnsure |= keyIsPlain && (key[0] == '-' || key.Length > MaxImplicitKeyLength);
            entries?.Add(new YamlEntry(Scalar(key, keyIsPlain, keyLine, keyColumn)!, value!));
        }

        depth--;
        node = entries is null ? null : new MappingNode(entries, mapLine, mapColumn);
        return true;
    }

    private bool WriteValue(RenderedNode value, int indent, bool inSequence, out YamlNode? node)
    {
        node = null;
        switch (value)
        {
            case RenderedMap { Entries.Count: 0 }:
                node = WriteEmpty("{}", inSequence, (nodeLine, nodeColumn) => new MappingNode(new List<YamlEntry>(0), nodeLine, nodeColumn));
                return true;
            case RenderedList { Items.Count: 0 }:
                node = WriteEmpty("[]", inSequence, (nodeLine, nodeColumn) => new SequenceNode(new List<YamlNode>(0), nodeLine, nodeColumn));
                return true;
            case RenderedMap map when inSequence:
                return WriteMapBody(map, indent + 2, firstLineWritten: true, out node);
            case RenderedMap map:
                NewLine();
                return WriteMapBody(map, indent + 2, firstLineWritten: false, out node);
            case RenderedList list when inSequence:
                return WriteListBody(list, indent + 2, firstLineWritten: true, out node);
            case RenderedList list:
                NewLine();
                return WriteListBody(list, indent, firstLineWritten: false, out node);
            case RenderedScalar scalar:
                if (!inSequence)
                {
                    output.Append(' ');
                }

                return WriteScalar(scalar, indent + 2, out node);
            default:
                return false;
        }
    }

    private YamlNode? WriteEmpty(string flow, bool inSequence, Func<int, int, YamlNode> create)
    {
        if (!inSequence)
        {
            output.Append(' ');
        }

        EnterCollection();
        depth--;
        var (nodeLine, nodeColumn) = (line, Column);
        output.Append(flow);
        NewLine();
        return buildTrees ? create(nodeLine, nodeColumn) : null;
    }

    private bool WriteListBody(RenderedList list, int indent, bool firstLineWritten, out YamlNode? node)
    {
        node = null;
        EnterCollection();
        var items = buildTrees ? new List<YamlNode>(list.Items.Count) : null;
        var (listLine, listColumn) = (0, 0);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (!(i == 0 && firstLineWritten))
            {
                output.Append(' ', indent);
            }

            if (i == 0)
            {
                (listLine, listColumn) = (line, Column);
            }

            output.Append("- ");
            if (!WriteValue(list.Items[i], indent, inSequence: true, out var item))
            {
                return false;
            }

            items?.Add(item!);
        }

        depth--;
        node = items is null ? null : new SequenceNode(items, listLine, listColumn);
        return true;
    }

    private bool WriteKey(string key, out bool isPlain)
    {
        isPlain = false;
        if (key.IndexOf('\n') >= 0)
        {
            return false;
        }

        isPlain = PlainStyleMemo.CanBePlain(key);
        if (isPlain)
        {
            output.Append(key);
        }
        else
        {
            AppendDoubleQuoted(key, output);
        }

        output.Append(':');
        return true;
    }

    /// <summary>Writes a scalar; <paramref name="blockIndent"/> is where a literal block's lines start.</summary>
    private bool WriteScalar(RenderedScalar scalar, int blockIndent, out YamlNode? node)
    {
        node = null;
        var (scalarLine, scalarColumn) = (line, Column);
        var text = scalar.Text;
        if (!scalar.IsString)
        {
            output.Append(text);
            NewLine();
            node = Scalar(text, isPlain: true, scalarLine, scalarColumn);
            return true;
        }

        if (text.IndexOf('\r') >= 0)
        {
            // libyaml treats a carriage return as a line break when it picks a style; left to kustomize.
            return false;
        }

        if (text.IndexOf('\n') < 0)
        {
            var isPlain = PlainStyleMemo.CanBePlain(text);
            if (isPlain)
            {
                output.Append(text);
            }
            else
            {
                AppendDoubleQuoted(text, output);
            }

            NewLine();
            node = Scalar(text, isPlain, scalarLine, scalarColumn);
            return true;
        }

        if (!IsPrintable(text) || HasSpaceBeforeBreak(text) || text[text.Length - 1] == ' ')
        {
            AppendDoubleQuoted(text, output);
            NewLine();
            node = Scalar(text, isPlain: false, scalarLine, scalarColumn);
            return true;
        }

        if (text[0] == ' ' || text[0] == '\n')
        {
            // A literal block whose first line starts with a space needs an indentation indicator; left to kustomize.
            return false;
        }

        var trailingBreaks = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\n'; i--)
        {
            trailingBreaks++;
        }

        // The direct reader clips and strips; a block that keeps its breaks it leaves to YamlDotNet.
        treesUnsure |= trailingBreaks > 1;
        output.Append(trailingBreaks == 0 ? "|-" : trailingBreaks == 1 ? "|" : "|+");
        NewLine();
        var body = text.Substring(0, text.Length - trailingBreaks);
        foreach (var bodyLine in body.Split('\n'))
        {
            if (bodyLine.Length > 0)
            {
                output.Append(' ', blockIndent).Append(bodyLine);
            }

            NewLine();
        }

        for (var i = 1; i < trailingBreaks; i++)
        {
            NewLine();
        }

        node = Scalar(text, isPlain: false, scalarLine, scalarColumn);
        return true;
    }

    /// <summary>A scalar node as the reader makes it: plain text resolved the way Kubernetes reads numbers.</summary>
    private ScalarNode? Scalar(string text, bool isPlain, int scalarLine, int scalarColumn)
    {
        // YAML lets a plain scalar start with '?' or ':' before a non-space; the direct reader does not.
        treesUnsure |= isPlain && text.Length > 0 && text[0] is '?' or ':';
        return buildTrees ? new ScalarNode(isPlain ? KubernetesNumbers.Normalize(text) : text, isPlain, scalarLine, scalarColumn) : null;
    }

    /// <summary>Whether go-yaml prints this string without quotes: it reads back as a string and holds no indicator.</summary>
    internal static bool CanBePlain(string text)
    {
        if (text.Length == 0 || PlainScalar.ReadsAsNonString(text) || !IsPrintable(text) || StartsOrEndsWithSpace(text))
        {
            return false;
        }

        if (text.StartsWith("---", System.StringComparison.Ordinal) || text.StartsWith("...", System.StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var character = text[i];
            var followedBySpace = i + 1 == text.Length || text[i + 1] is ' ' or '\t' or '\n' or '\r';
            if (character is '\n' or '\r' or '\t')
            {
                return false;
            }

            if (i == 0)
            {
                if (character is '#' or ',' or '[' or ']' or '{' or '}' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`')
                {
                    return false;
                }

                if (character is '?' or ':' or '-' && followedBySpace)
                {
                    return false;
                }
            }
            else if ((character == ':' && followedBySpace) || (character == '#' && text[i - 1] is ' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsOrEndsWithSpace(string text) => text.Length > 0 && (text[0] == ' ' || text[text.Length - 1] == ' ');

    private static bool HasSpaceBeforeBreak(string text) => text.IndexOf(" \n", System.StringComparison.Ordinal) >= 0;

    /// <summary>libyaml's printable set: anything else (a tab, a control character) forces double quotes.</summary>
    private static bool IsPrintable(string text)
    {
        foreach (var character in text)
        {
            var printable = character == '\n'
                || (character >= 0x20 && character <= 0x7E)
                || character == 0x85
                || (character >= 0xA0 && character <= 0xD7FF)
                || char.IsSurrogate(character)
                || (character >= 0xE000 && character <= 0xFFFD && character != 0xFEFF);
            if (!printable)
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendDoubleQuoted(string text, StringBuilder output)
    {
        output.Append('"');
        foreach (var character in text)
        {
            switch (character)
            {
                case '"': output.Append("\\\""); break;
                case '\\': output.Append("\\\\"); break;
                case '\n': output.Append("\\n"); break;
                case '\t': output.Append("\\t"); break;
                case '\r': output.Append("\\r"); break;
                default:
                    if (character < 0x20 || character == 0x7F || character == 0xFEFF)
                    {
                        output.Append("\\u").Append(((int)character).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        output.Append(character);
                    }

                    break;
            }
        }

        output.Append('"');
    }
}
