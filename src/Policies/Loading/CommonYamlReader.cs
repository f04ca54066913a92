using System;
using System.Collections.Generic;
using System.Text;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// Reads the YAML that Kubernetes manifests are almost always written in (block mappings and sequences, plain scalars,
/// one-line quoted scalars, literal and folded blocks, one-line flow collections, comments) straight into nodes, several
/// times faster than YamlDotNet's scanner, parser and events. It gives up on anything else (anchors, tags, multi-line
/// quoted scalars, multi-line flow collections, odd characters, anything malformed) and the piece is then read by YamlDotNet
/// exactly as before, so its trees, positions and problems are always those YamlDotNet's reading gives.
/// </summary>
internal sealed class CommonYamlReader
{
    private const int EndOfText = -1;
    private const int GiveUp = -2;

    // YAML 1.1 caps an implicit key at 1024 characters; YamlDotNet enforces it.
    private const int MaxImplicitKeyLength = 1024;

    private readonly string text;

    // The piece read is text[pieceStart..pieceEnd).
    private readonly int pieceStart;
    private readonly int pieceEnd;
    private readonly int lineOffset;
    private readonly int documentIndex;
    private readonly int maxDepth;
    private readonly List<InputProblem> keyProblems = new();
    private readonly ScalarTextPool pool = ScalarTextPool.Current;
    private int position;
    private int line = 1;
    private int lineStart;
    private int depth;

    // The first content line of a piece may be its '---' marker; any later one ends the document.
    private bool atFirstContentLine = true;

    // The indentation of the content line the reader stands at, EndOfText, or GiveUp.
    private int indent;

    private CommonYamlReader(string text, int start, int end, int lineOffset, int documentIndex, int maxDepth)
    {
        this.text = text;
        pieceStart = start;
        pieceEnd = end;
        position = start;
        lineStart = start;
        this.lineOffset = lineOffset;
        this.documentIndex = documentIndex;
        this.maxDepth = maxDepth;
    }

    /// <summary>
    /// Reads the piece of <paramref name="text"/> at <paramref name="start"/> (one document cut at its <c>---</c> marker)
    /// when it is written in the common subset; otherwise adds nothing and returns false.
    /// </summary>
    public static bool TryRead(string text, int start, int length, int lineOffset, int documentIndex, LoaderLimits limits, List<SourceDocument> documents, List<InputProblem> problems)
    {
        if (!HasOnlyCommonCharacters(text, start, start + length))
        {
            return false;
        }

        var reader = new CommonYamlReader(text, start, start + length, lineOffset, documentIndex, limits.MaxDepth);
        var root = reader.ReadDocument();
        if (root is null)
        {
            return false;
        }

        documents.Add(new SourceDocument(documentIndex, root));
        problems.AddRange(reader.keyProblems);
        return true;
    }

#if NET
    private static readonly System.Buffers.SearchValues<char> PrintableAsciiOrLineFeed = System.Buffers.SearchValues.Create(PrintableAsciiAndLineFeed());

    private static string PrintableAsciiAndLineFeed()
    {
        var characters = new StringBuilder("\n");
        for (var c = ' '; c < '\u007f'; c++)
        {
            characters.Append(c);
        }

        return characters.ToString();
    }

#endif
    /// <summary>Whether the text holds only characters this reader reads itself (see <see cref="HasOnlyCommonCharacters"/>).</summary>
    internal static bool ReadsEveryCharacter(string text) => HasOnlyCommonCharacters(text, 0, text.Length);

    /// <summary>
    /// Tabs, control characters, YAML 1.1's extra line breaks, byte-order marks and surrogates each have rules this
    /// reader leaves to YamlDotNet.
    /// </summary>
    private static bool HasOnlyCommonCharacters(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
#if NET
            // Vectorised over the printable ASCII and line feeds that make up nearly every manifest.
            var common = text.AsSpan(i, end - i).IndexOfAnyExcept(PrintableAsciiOrLineFeed);
            if (common < 0)
            {
                return true;
            }

            i += common;
#endif
            var c = text[i];
            if (c >= ' ' && c < '\u007f')
            {
                continue;
            }

            if (c == '\n')
            {
                continue;
            }

            if (c == '\r' && i + 1 < end && text[i + 1] == '\n')
            {
                continue;
            }

            if (c >= '\u00a0' && c < '\ud800' && c != '\u2028' && c != '\u2029')
            {
                continue;
            }

            if (c >= '\ue000' && c <= '\ufffd' && c != '\ufeff')
            {
                continue;
            }

            return false;
        }

        return true;
    }

    private YamlNode? ReadDocument()
    {
        MoveToContentLine(pieceStart);
        atFirstContentLine = false;
        if (indent == 0 && IsDocumentStart())
        {
            position += 3;
            if (!AtLineEnd())
            {
                return null;
            }

            NextContentLine();
        }

        if (indent != 0 || text[position] == '%')
        {
            // Directives, an indented or missing root: rare, and YamlDotNet's reading of them is the reference.
            return null;
        }

        var root = ReadNode(parentIndent: -1, startsLine: true);
        return root is MappingNode or SequenceNode && indent == EndOfText ? root : null;
    }

    /// <summary>
    /// Reads the node that starts at the reader's position, whose parent collection is indented by
    /// <paramref name="parentIndent"/>. A block collection may only start a line or follow a sequence's dash.
    /// </summary>
    private YamlNode? ReadNode(int parentIndent, bool startsLine)
    {
        var c = text[position];
        switch (c)
        {
            case '-' when IsBlankOrEnd(position + 1):
                return startsLine ? ReadSequence(Column0) : null;
            case '|':
            case '>':
                return ReadBlockScalar(parentIndent);
            case '"':
            case '\'':
                return ReadQuotedNode(parentIndent, startsLine);
            case '[':
            case '{':
                return ReadFlow(parentIndent);
        }

        if (!CanStartPlain(c))
        {
            return null;
        }

        var end = ScanPlain(position, out var isKey);
        if (isKey)
        {
            return startsLine ? ReadMapping(Column0) : null;
        }

        return ReadPlain(end, parentIndent);
    }

    /// <summary>
    /// A plain scalar whose first line ends at <paramref name="firstLineEnd"/>, folded with the lines that continue it
    /// (more indented than its parent): each line break becomes a space, or as many breaks as there are empty lines.
    /// Printers such as kustomize's wrap long values this way.
    /// </summary>
    private YamlNode? ReadPlain(int firstLineEnd, int parentIndent)
    {
        var scalarLine = line + lineOffset;
        var scalarColumn = Column0 + 1;
        var start = position;
        position = firstLineEnd;
        SkipSpaces();
        if (position < pieceEnd && text[position] == '#')
        {
            // A comment ends the scalar with its line.
            return FinishInlineScalar(Plain(start, firstLineEnd, scalarLine - lineOffset, scalarColumn), parentIndent);
        }

        StringBuilder? folded = null;
        var (endPosition, endLine, endLineStart) = (position, line, lineStart);
        var emptyLines = 0;
        while (position < pieceEnd)
        {
            // The reader stands at the end of the last line read.
            var next = IndexOfNewline(position);
            if (next < 0)
            {
                break;
            }

            AdvanceLine(next);
            SkipSpaces();
            if (position >= pieceEnd || text[position] == '\n' || text[position] == '\r')
            {
                emptyLines++;
                continue;
            }

            var c = text[position];
            if (Column0 <= parentIndent || c == '#')
            {
                break;
            }

            if (!CanStartPlain(c) || (c == '-' && IsBlankOrEnd(position + 1)))
            {
                return null;
            }

            var lineEnd = ScanPlain(position, out var isKey);
            var afterLine = lineEnd;
            while (afterLine < pieceEnd && text[afterLine] == ' ')
            {
                afterLine++;
            }

            if (isKey || (afterLine < pieceEnd && text[afterLine] != '\n' && text[afterLine] != '\r'))
            {
                // A key or a comment inside a continued scalar: left to YamlDotNet.
                return null;
            }

            folded ??= new StringBuilder().Append(text, start, firstLineEnd - start);
            if (emptyLines == 0)
            {
                folded.Append(' ');
            }
            else
            {
                folded.Append('\n', emptyLines);
            }

            emptyLines = 0;
            folded.Append(text, position, lineEnd - position);
            position = afterLine;
            (endPosition, endLine, endLineStart) = (position, line, lineStart);
        }

        (position, line, lineStart) = (endPosition, endLine, endLineStart);
        var scalar = folded is null
            ? Plain(start, firstLineEnd, scalarLine - lineOffset, scalarColumn)
            : new ScalarNode(KubernetesNumbers.Normalize(folded.ToString()), true, scalarLine, scalarColumn);
        return FinishInlineScalar(scalar, parentIndent);
    }

    private MappingNode? ReadMapping(int mappingIndent)
    {
        if (++depth >= maxDepth)
        {
            return null;
        }

        var mappingLine = line;
        var mappingColumn = Column0 + 1;
        var entries = new List<YamlEntry>();
        while (true)
        {
            var key = ReadKey();
            if (key is null)
            {
                return null;
            }

            // The reader stands just after the ':'.
            var emptyLine = line;
            var emptyColumn = Column0 + 1;
            SkipSpaces();
            YamlNode? value;
            if (AtLineEnd())
            {
                NextContentLine();
                if (indent > mappingIndent)
                {
                    value = ReadNode(mappingIndent, startsLine: true);
                }
                else if (indent == mappingIndent && text[position] == '-' && IsBlankOrEnd(position + 1))
                {
                    // A sequence may sit at its key's own indentation.
                    value = ReadSequence(mappingIndent);
                }
                else
                {
                    value = indent == GiveUp ? null : EmptyScalar(emptyLine, emptyColumn);
                }
            }
            else
            {
                value = ReadNode(mappingIndent, startsLine: false);
            }

            if (value is null)
            {
                return null;
            }

            entries.Add(new YamlEntry(key, value));
            if (indent < mappingIndent)
            {
                break;
            }

            if (indent != mappingIndent || (text[position] == '-' && IsBlankOrEnd(position + 1)))
            {
                return null;
            }
        }

        depth--;
        DuplicateKeys.Report(entries, documentIndex, keyProblems);
        return new MappingNode(entries, mappingLine + lineOffset, mappingColumn);
    }

    /// <summary>Reads a mapping key and its ':' indicator; null when the key is not a one-line scalar.</summary>
    private ScalarNode? ReadKey()
    {
        var keyLine = line + lineOffset;
        var keyColumn = Column0 + 1;
        var c = text[position];
        ScalarNode key;
        if (c == '"' || c == '\'')
        {
            var end = ScanQuoted(position, out var value);
            if (end < 0 || end - position > MaxImplicitKeyLength)
            {
                return null;
            }

            key = new ScalarNode(value!, false, keyLine, keyColumn);
            position = end;
            SkipSpaces();
        }
        else
        {
            if (!CanStartPlain(c) || c == '-')
            {
                return null;
            }

            var end = ScanPlain(position, out var isKey);
            if (!isKey || end - position > MaxImplicitKeyLength)
            {
                return null;
            }

            key = Plain(position, end);
            if (key.Value == "<<")
            {
                // A merge key: the tree builder applies it.
                return null;
            }

            position = end;
            SkipSpaces();
        }

        if (position >= pieceEnd || text[position] != ':' || !IsBlankOrEnd(position + 1))
        {
            return null;
        }

        position++;
        return key;
    }

    private SequenceNode? ReadSequence(int sequenceIndent)
    {
        if (++depth >= maxDepth)
        {
            return null;
        }

        var sequenceLine = line;
        var sequenceColumn = Column0 + 1;
        var items = new List<YamlNode>();
        while (true)
        {
            // The reader stands at a '-' followed by a blank or the end of the line.
            var emptyLine = line;
            var emptyColumn = Column0 + 2;
            position++;
            SkipSpaces();
            YamlNode? item;
            if (AtLineEnd())
            {
                NextContentLine();
                item = indent > sequenceIndent
                    ? ReadNode(sequenceIndent, startsLine: true)
                    : indent == GiveUp ? null : EmptyScalar(emptyLine, emptyColumn);
            }
            else
            {
                // `- key: value` and `- - item` open a collection indented at their own column.
                item = ReadNode(sequenceIndent, startsLine: true);
            }

            if (item is null)
            {
                return null;
            }

            items.Add(item);
            if (indent != sequenceIndent || text[position] != '-' || !IsBlankOrEnd(position + 1))
            {
                break;
            }
        }

        if (indent > sequenceIndent)
        {
            return null;
        }

        depth--;
        return new SequenceNode(items, sequenceLine + lineOffset, sequenceColumn);
    }

    private YamlNode? ReadQuotedNode(int parentIndent, bool startsLine)
    {
        var start = position;
        var end = ScanQuoted(start, out var value);
        if (end < 0)
        {
            return null;
        }

        var after = end;
        while (after < pieceEnd && text[after] == ' ')
        {
            after++;
        }

        if (after < pieceEnd && text[after] == ':' && IsBlankOrEnd(after + 1))
        {
            return startsLine ? ReadMapping(Column0) : null;
        }

        var scalar = new ScalarNode(value!, false, line + lineOffset, Column0 + 1);
        position = end;
        return FinishInlineScalar(scalar, parentIndent);
    }

    /// <summary>
    /// Ends a scalar (or one-line flow collection) written on its parent's line: the rest of the line must be blank or a comment, and the next
    /// content line must not be more indented than the parent (that would continue a multi-line scalar).
    /// </summary>
    private YamlNode? FinishInlineScalar(YamlNode scalar, int parentIndent)
    {
        if (!AtLineEnd())
        {
            return null;
        }

        NextContentLine();
        return indent > parentIndent || indent == GiveUp ? null : scalar;
    }

    /// <summary>A flow collection written on one line, such as <c>[a, "b"]</c> or <c>{name: http, port: 80}</c>.</summary>
    private YamlNode? ReadFlow(int parentIndent)
    {
        var node = ReadFlowNode();
        return node is null ? null : FinishFlow(node, parentIndent);
    }

    private YamlNode? ReadFlowNode()
    {
        if (position >= pieceEnd)
        {
            return null;
        }

        var c = text[position];
        if (c != '[' && c != '{')
        {
            return ReadFlowScalar();
        }

        if (++depth >= maxDepth)
        {
            return null;
        }

        var isMapping = c == '{';
        var close = isMapping ? '}' : ']';
        var nodeLine = line + lineOffset;
        var nodeColumn = Column0 + 1;
        var entries = isMapping ? new List<YamlEntry>() : null;
        var items = isMapping ? null : new List<YamlNode>();
        position++;
        SkipSpaces();
        if (position < pieceEnd && text[position] == close)
        {
            position++;
            depth--;
            return isMapping ? new MappingNode(entries!, nodeLine, nodeColumn) : new SequenceNode(items!, nodeLine, nodeColumn);
        }

        while (true)
        {
            if (isMapping)
            {
                var key = ReadFlowScalar();
                SkipSpaces();
                if (key is null || position >= pieceEnd || text[position] != ':' || !IsBlankOrEnd(position + 1))
                {
                    return null;
                }

                position++;
                SkipSpaces();
                var value = ReadFlowNode();
                if (value is null)
                {
                    return null;
                }

                entries!.Add(new YamlEntry(key, value));
            }
            else
            {
                var item = ReadFlowNode();
                if (item is null)
                {
                    return null;
                }

                items!.Add(item);
            }

            SkipSpaces();
            if (position >= pieceEnd)
            {
                return null;
            }

            if (text[position] == close)
            {
                position++;
                break;
            }

            if (text[position] != ',')
            {
                return null;
            }

            position++;
            SkipSpaces();
            if (position < pieceEnd && (text[position] == close || text[position] == ','))
            {
                // A trailing or doubled comma: left to YamlDotNet.
                return null;
            }
        }

        depth--;
        if (isMapping)
        {
            DuplicateKeys.Report(entries!, documentIndex, keyProblems);
            return new MappingNode(entries!, nodeLine, nodeColumn);
        }

        return new SequenceNode(items!, nodeLine, nodeColumn);
    }

    /// <summary>A quoted scalar, or a plain one without ':', '#' or quotes (those are left to YamlDotNet).</summary>
    private ScalarNode? ReadFlowScalar()
    {
        var c = text[position];
        if (c == '"' || c == '\'')
        {
            var scalarLine = line + lineOffset;
            var scalarColumn = Column0 + 1;
            var end = ScanQuoted(position, out var value);
            if (end < 0)
            {
                return null;
            }

            position = end;
            return new ScalarNode(value!, false, scalarLine, scalarColumn);
        }

        if (!CanStartPlain(c) || (c == '-' && IsBlankOrEnd(position + 1)))
        {
            return null;
        }

        var start = position;
        while (position < pieceEnd && IsFlowPlainCharacter(text[position]))
        {
            position++;
        }

        var plainEnd = TrimEnd(start, position);
        return plainEnd == start ? null : Plain(start, plainEnd);
    }

    private YamlNode? FinishFlow(YamlNode node, int parentIndent)
    {
        SkipSpaces();
        if (position < pieceEnd && text[position] == ':')
        {
            // A flow collection as a key.
            return null;
        }

        return FinishInlineScalar(node, parentIndent);
    }

    /// <summary>
    /// A literal or folded block scalar with clip or strip chomping (<c>|</c>, <c>|-</c>, <c>&gt;</c>, <c>&gt;-</c>);
    /// other headers are left to YamlDotNet. Lines are joined as libyaml (and YamlDotNet after it) joins them.
    /// </summary>
    private YamlNode? ReadBlockScalar(int parentIndent)
    {
        var scalarLine = line + lineOffset;
        var scalarColumn = Column0 + 1;
        var folded = text[position] == '>';
        position++;
        var strip = false;
        if (position < pieceEnd && text[position] == '-')
        {
            strip = true;
            position++;
        }

        if (!AtLineEnd() || position >= pieceEnd)
        {
            return null;
        }

        // Stand at the start of the first line after the header.
        position = text[position] == '\r' ? position + 2 : position + 1;
        line++;
        lineStart = position;

        var value = new StringBuilder();
        var contentIndent = -1;
        var emptyLines = 0;
        var previousLineBroke = false;
        var previousLineIndented = false;
        while (position < pieceEnd)
        {
            var lineEnd = IndexOfNewline(position);
            var hasBreak = lineEnd >= 0;
            var contentEnd = hasBreak ? lineEnd : pieceEnd;
            if (hasBreak && contentEnd > position && text[contentEnd - 1] == '\r')
            {
                contentEnd--;
            }

            var spaces = 0;
            while (position + spaces < contentEnd && text[position + spaces] == ' ')
            {
                spaces++;
            }

            var length = contentEnd - position;
            var blank = spaces == length;
            if (contentIndent < 0)
            {
                if (blank)
                {
                    if (length > 0 || !hasBreak)
                    {
                        return null;
                    }

                    emptyLines++;
                    AdvanceLine(lineEnd);
                    continue;
                }

                if (spaces <= parentIndent)
                {
                    // An empty block scalar: left to YamlDotNet.
                    return null;
                }

                contentIndent = spaces;
            }

            if (!(blank && length <= contentIndent) && spaces < contentIndent)
            {
                break;
            }

            if (blank && length <= contentIndent)
            {
                emptyLines++;
            }
            else
            {
                // Folding joins two lines that are not more indented with a space, or with nothing when empty lines
                // (kept as breaks) lie between them; every other break is kept.
                var indented = spaces > contentIndent;
                if (folded && previousLineBroke && !previousLineIndented && !indented)
                {
                    if (emptyLines == 0)
                    {
                        value.Append(' ');
                    }
                }
                else if (previousLineBroke)
                {
                    value.Append('\n');
                }

                value.Append('\n', emptyLines);
                emptyLines = 0;
                value.Append(text, position + contentIndent, length - contentIndent);
                previousLineBroke = hasBreak;
                previousLineIndented = indented;
            }

            if (!hasBreak)
            {
                position = pieceEnd;
                break;
            }

            AdvanceLine(lineEnd);
        }

        if (contentIndent < 0)
        {
            return null;
        }

        if (!strip && previousLineBroke)
        {
            value.Append('\n');
        }

        MoveToContentLine(position);
        return indent == GiveUp ? null : new ScalarNode(value.ToString(), false, scalarLine, scalarColumn);
    }

    private void AdvanceLine(int lineEnd)
    {
        position = lineEnd + 1;
        line++;
        lineStart = position;
    }

    /// <summary>Finds where a plain scalar ends on its line, trailing blanks excluded.</summary>
    /// <param name="start">Where the scalar starts.</param>
    /// <param name="isKey">Set when the scalar is followed by ': ', so it is a mapping key.</param>
    private int ScanPlain(int start, out bool isKey)
    {
        var i = start;
        while (i < pieceEnd)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                break;
            }

            if (c == ':' && IsBlankOrEnd(i + 1))
            {
                isKey = true;
                return TrimEnd(start, i);
            }

            if (c == '#' && text[i - 1] == ' ')
            {
                break;
            }

            i++;
        }

        isKey = false;
        return TrimEnd(start, i);
    }

    private int TrimEnd(int start, int end)
    {
        while (end > start && text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    /// <summary>A double- or single-quoted scalar at <paramref name="start"/>, by its opening quote.</summary>
    private int ScanQuoted(int start, out string? value) =>
        text[start] == '"' ? ScanDoubleQuoted(start, out value) : ScanSingleQuoted(start, out value);

    /// <returns>The index after the closing quote, or -1 when the scalar does not close on its line or uses a rare escape.</returns>
    private int ScanDoubleQuoted(int start, out string? value)
    {
        value = null;
        StringBuilder? unescaped = null;
        var runStart = start + 1;
        for (var i = start + 1; i < pieceEnd; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                value = unescaped is null ? pool.Get(text, start + 1, i - start - 1) : unescaped.Append(text, runStart, i - runStart).ToString();
                return i + 1;
            }

            if (c == '\n' || c == '\r')
            {
                return -1;
            }

            if (c != '\\')
            {
                continue;
            }

            unescaped ??= new StringBuilder();
            unescaped.Append(text, runStart, i - runStart);
            if (i + 1 >= pieceEnd)
            {
                return -1;
            }

            var escape = text[++i];
            switch (escape)
            {
                case '\\': unescaped.Append('\\'); break;
                case '"': unescaped.Append('"'); break;
                case '/': unescaped.Append('/'); break;
                case 'n': unescaped.Append('\n'); break;
                case 't': unescaped.Append('\t'); break;
                case 'r': unescaped.Append('\r'); break;
                case '0': unescaped.Append('\0'); break;
                case 'a': unescaped.Append('\a'); break;
                case 'b': unescaped.Append('\b'); break;
                case 'v': unescaped.Append('\v'); break;
                case 'f': unescaped.Append('\f'); break;
                case 'e': unescaped.Append('\u001b'); break;
                case 'x':
                case 'u':
                    var digits = escape == 'x' ? 2 : 4;
                    if (!TryReadHex(i + 1, digits, out var code) || code >= 0xd800 && code <= 0xdfff)
                    {
                        return -1;
                    }

                    unescaped.Append((char)code);
                    i += digits;
                    break;
                default:
                    return -1;
            }

            runStart = i + 1;
        }

        return -1;
    }

    private bool TryReadHex(int start, int digits, out int code)
    {
        code = 0;
        if (start + digits > pieceEnd)
        {
            return false;
        }

        for (var i = start; i < start + digits; i++)
        {
            var c = text[i];
            var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0)
            {
                return false;
            }

            code = (code * 16) + digit;
        }

        return true;
    }

    /// <returns>The index after the closing quote, or -1 when the scalar does not close on its line.</returns>
    private int ScanSingleQuoted(int start, out string? value)
    {
        value = null;
        StringBuilder? unescaped = null;
        var runStart = start + 1;
        for (var i = start + 1; i < pieceEnd; i++)
        {
            var c = text[i];
            if (c == '\n' || c == '\r')
            {
                return -1;
            }

            if (c != '\'')
            {
                continue;
            }

            if (i + 1 < pieceEnd && text[i + 1] == '\'')
            {
                unescaped ??= new StringBuilder();
                unescaped.Append(text, runStart, i + 1 - runStart);
                runStart = i + 2;
                i++;
                continue;
            }

            value = unescaped is null ? pool.Get(text, start + 1, i - start - 1) : unescaped.Append(text, runStart, i - runStart).ToString();
            return i + 1;
        }

        return -1;
    }

    private ScalarNode Plain(int start, int end) => Plain(start, end, line, start - lineStart + 1);

    private ScalarNode Plain(int start, int end, int atLine, int atColumn) =>
        new(KubernetesNumbers.Normalize(pool.Get(text, start, end - start)), true, atLine + lineOffset, atColumn);

    private ScalarNode EmptyScalar(int atLine, int atColumn) => new(string.Empty, true, atLine + lineOffset, atColumn);

    /// <summary>
    /// Whether a plain scalar may start with <paramref name="c"/>: YAML's indicators start other things (or are
    /// reserved), and a plain '-', '?' or ':' start is left to YamlDotNet.
    /// </summary>
    private static bool CanStartPlain(char c) => c switch
    {
        '-' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' => c == '-',
        _ => true,
    };

    private static bool IsFlowPlainCharacter(char c) => c switch
    {
        ',' or '[' or ']' or '{' or '}' or ':' or '#' or '"' or '\'' or '\n' or '\r' => false,
        _ => true,
    };

    private bool IsBlankOrEnd(int index) => index >= pieceEnd || text[index] == ' ' || text[index] == '\n' || text[index] == '\r';

    private int Column0 => position - lineStart;

    private void SkipSpaces()
    {
        while (position < pieceEnd && text[position] == ' ')
        {
            position++;
        }
    }

    /// <summary>
    /// Whether only blanks and a comment remain on the line; the reader is then left at the line's end. A comment needs
    /// a blank before it unless it starts the line.
    /// </summary>
    private bool AtLineEnd()
    {
        SkipSpaces();
        if (position >= pieceEnd || text[position] == '\n' || text[position] == '\r')
        {
            return true;
        }

        if (text[position] == '#' && (position == lineStart || text[position - 1] == ' '))
        {
            var newline = IndexOfNewline(position);
            position = newline < 0 ? pieceEnd : (newline > 0 && text[newline - 1] == '\r' ? newline - 1 : newline);
            return true;
        }

        return false;
    }

    /// <summary>From the end of a line, moves to the next content line (<see cref="MoveToContentLine"/>).</summary>
    private void NextContentLine()
    {
        var newline = IndexOfNewline(position);
        if (newline < 0)
        {
            position = pieceEnd;
            indent = EndOfText;
            return;
        }

        line++;
        MoveToContentLine(newline + 1);
    }

    /// <summary>
    /// Moves from the start of a line past blank and comment lines to the first character of the next line with
    /// content, setting <see cref="indent"/>: its indentation, <see cref="EndOfText"/>, or <see cref="GiveUp"/> at a
    /// document marker.
    /// </summary>
    private void MoveToContentLine(int start)
    {
        position = start;
        while (true)
        {
            lineStart = position;
            SkipSpaces();
            if (position >= pieceEnd)
            {
                indent = EndOfText;
                return;
            }

            var c = text[position];
            if (c != '\n' && c != '\r' && c != '#')
            {
                indent = position - lineStart;
                if (indent == 0 && (IsDocumentEnd() || (!atFirstContentLine && IsDocumentStart())))
                {
                    indent = GiveUp;
                }

                return;
            }

            var newline = IndexOfNewline(position);
            if (newline < 0)
            {
                position = pieceEnd;
                indent = EndOfText;
                return;
            }

            position = newline + 1;
            line++;
        }
    }

    private int IndexOfNewline(int from) => text.IndexOf('\n', from, pieceEnd - from);

    private bool IsDocumentStart() => IsMarker('-');

    private bool IsDocumentEnd() => IsMarker('.');

    private bool IsMarker(char c) =>
        position + 3 <= pieceEnd && text[position] == c && text[position + 1] == c && text[position + 2] == c && IsBlankOrEnd(position + 3);
}
