using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// Prints rendered objects the way <c>kubectl kustomize</c> does (go-yaml v2 through sigs.k8s.io/yaml): two-space
/// indentation, sequences not indented under their key, strings plain where YAML would read them back as the same
/// string, multi-line strings as literal blocks unless a line ends in a space or holds a control character. The
/// checks read this text, so a value's style decides what they see (a quoted <c>"yes"</c> is no boolean) and where a
/// secret inside a block is located.
/// </summary>
internal static class KustomizeYamlWriter
{
    /// <summary>Writes the documents separated by <c>---</c>; false when a string cannot be printed as kustomize would.</summary>
    public static bool TryWrite(IReadOnlyList<RenderedMap> documents, StringBuilder output)
    {
        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0)
            {
                output.Append("---\n");
            }

            if (!WriteMapBody(documents[i], 0, output, firstLineWritten: false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WriteMapBody(RenderedMap map, int indent, StringBuilder output, bool firstLineWritten)
    {
        var first = true;
        foreach (var key in map.OrderedKeys())
        {
            if (!(first && firstLineWritten))
            {
                output.Append(' ', indent);
            }

            first = false;
            if (!WriteKey(key, output) || !WriteValue(map.Entries[key], indent, output, inSequence: false))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WriteValue(RenderedNode value, int indent, StringBuilder output, bool inSequence)
    {
        switch (value)
        {
            case RenderedMap { Entries.Count: 0 }:
                output.Append(inSequence ? "{}\n" : " {}\n");
                return true;
            case RenderedList { Items.Count: 0 }:
                output.Append(inSequence ? "[]\n" : " []\n");
                return true;
            case RenderedMap map when inSequence:
                return WriteMapBody(map, indent + 2, output, firstLineWritten: true);
            case RenderedMap map:
                output.Append('\n');
                return WriteMapBody(map, indent + 2, output, firstLineWritten: false);
            case RenderedList list when inSequence:
                return WriteListBody(list, indent + 2, output, firstLineWritten: true);
            case RenderedList list:
                output.Append('\n');
                return WriteListBody(list, indent, output, firstLineWritten: false);
            case RenderedScalar scalar:
                if (!inSequence)
                {
                    output.Append(' ');
                }

                return WriteScalar(scalar, indent + 2, output);
            default:
                return false;
        }
    }

    private static bool WriteListBody(RenderedList list, int indent, StringBuilder output, bool firstLineWritten)
    {
        var first = true;
        foreach (var item in list.Items)
        {
            if (!(first && firstLineWritten))
            {
                output.Append(' ', indent);
            }

            first = false;
            output.Append("- ");
            if (!WriteValue(item, indent, output, inSequence: true))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WriteKey(string key, StringBuilder output)
    {
        if (key.IndexOf('\n') >= 0)
        {
            return false;
        }

        if (PlainStyleMemo.CanBePlain(key))
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
    private static bool WriteScalar(RenderedScalar scalar, int blockIndent, StringBuilder output)
    {
        var text = scalar.Text;
        if (!scalar.IsString)
        {
            output.Append(text).Append('\n');
            return true;
        }

        if (text.IndexOf('\r') >= 0)
        {
            // libyaml treats a carriage return as a line break when it picks a style; left to kustomize.
            return false;
        }

        if (text.IndexOf('\n') < 0)
        {
            if (PlainStyleMemo.CanBePlain(text))
            {
                output.Append(text);
            }
            else
            {
                AppendDoubleQuoted(text, output);
            }

            output.Append('\n');
            return true;
        }

        if (!IsPrintable(text) || HasSpaceBeforeBreak(text) || text[text.Length - 1] == ' ')
        {
            AppendDoubleQuoted(text, output);
            output.Append('\n');
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

        output.Append(trailingBreaks == 0 ? "|-" : trailingBreaks == 1 ? "|" : "|+").Append('\n');
        var body = text.Substring(0, text.Length - trailingBreaks);
        foreach (var line in body.Split('\n'))
        {
            if (line.Length > 0)
            {
                output.Append(' ', blockIndent).Append(line);
            }

            output.Append('\n');
        }

        for (var i = 1; i < trailingBreaks; i++)
        {
            output.Append('\n');
        }

        return true;
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
