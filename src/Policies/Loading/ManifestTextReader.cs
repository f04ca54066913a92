using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using YamlDotNet.Core;

namespace PolicyKit.Policies.Loading;

/// <summary>
/// Parses the text of a manifest file into documents. The stream is cut at its <c>---</c> markers first and each
/// piece parsed on its own, so one malformed document costs only itself: the others are still evaluated.
/// </summary>
internal static class ManifestTextReader
{
    private static readonly Regex YamlExceptionPosition = new(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.Compiled);

    public static void Read(string text, bool isJson, LoaderLimits limits, List<SourceDocument> documents, List<InputProblem> problems)
    {
        if (isJson)
        {
            // JSON forbids raw tabs inside strings, so any tab is layout; YAML would reject it as indentation.
            ParsePiece(text.IndexOf('\t') >= 0 ? text.Replace('\t', ' ') : text, 0, 0, limits, documents, problems);
        }
        else
        {
            var documentIndex = 0;
            foreach (var piece in SplitAtDocumentMarkers(text))
            {
                var lineOffset = piece.FirstLine - 1;
                documentIndex = CommonYamlReader.TryRead(text, piece.Start, piece.Length, lineOffset, documentIndex, limits, documents, problems)
                    ? documentIndex + 1
                    : ParsePiece(text.Substring(piece.Start, piece.Length), lineOffset, documentIndex, limits, documents, problems);
            }
        }

        if (documents.Count == 0 && problems.Count == 0 && IsBlank(text))
        {
            problems.Add(new InputProblem(InputProblemKind.EmptyFile, "the file holds no YAML document", 1, 1, -1));
        }
    }

    /// <summary>Reads one piece with YamlDotNet: the reference reading, for every piece <see cref="CommonYamlReader"/> leaves.</summary>
    /// <returns>The index the next piece's first document gets.</returns>
    internal static int ParsePiece(string piece, int lineOffset, int firstIndex, LoaderLimits limits, List<SourceDocument> documents, List<InputProblem> problems)
    {
        var before = documents.Count;
        try
        {
            var parser = new Parser(new Scanner(new StringReader(piece), skipComments: true));
            return new YamlTreeBuilder(limits, lineOffset, problems).ReadStream(parser, firstIndex, documents);
        }
        catch (YamlException exception)
        {
            var detail = YamlExceptionPosition.Replace(exception.Message, string.Empty);
            var (line, column) = ((int)exception.Start.Line, (int)exception.Start.Column);
            if (detail.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // The scanner blames the enclosing block; the author needs the line that holds the tab.
                (line, column) = FirstIndentingTab(piece, line, (line, column));
            }

            problems.Add(new InputProblem(InputProblemKind.Syntax, Sentence(detail), line + lineOffset, column, firstIndex));
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet signals a few malformed inputs with general exceptions; they are still the input's fault.
            problems.Add(new InputProblem(InputProblemKind.Syntax, Sentence(exception.Message), lineOffset + 1, 1, firstIndex));
        }

        // Drop documents that a failing piece produced before its error, so nothing half-read is evaluated.
        documents.RemoveRange(before, documents.Count - before);
        return firstIndex + 1;
    }

    private static (int Line, int Column) FirstIndentingTab(string piece, int fromLine, (int, int) fallback)
    {
        var lines = piece.Split('\n');
        for (var i = Math.Max(0, fromLine - 1); i < lines.Length; i++)
        {
            var text = lines[i];
            var indent = 0;
            while (indent < text.Length && (text[indent] == ' ' || text[indent] == '\t'))
            {
                if (text[indent] == '\t')
                {
                    return (i + 1, indent + 1);
                }

                indent++;
            }
        }

        return fallback;
    }

    /// <summary>Parser messages are embedded mid-sentence in findings: no capital, no final full stop.</summary>
    private static string Sentence(string message)
    {
        var trimmed = message.Trim().TrimEnd('.');
        return trimmed.Length > 1 && char.IsUpper(trimmed[0]) && char.IsLower(trimmed[1])
            ? char.ToLowerInvariant(trimmed[0]) + trimmed.Substring(1)
            : trimmed;
    }

    /// <summary>Whether the file holds nothing at all: a file with comments is written on purpose, so it is not "empty".</summary>
    private static bool IsBlank(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0 && trimmed != "---" && trimmed != "...")
            {
                return false;
            }
        }

        return true;
    }

    internal static List<(int Start, int Length, int FirstLine)> SplitAtDocumentMarkers(string text)
    {
        var pieces = new List<(int, int, int)>();
        var pieceStart = 0;
        var pieceLine = 1;
        var line = 1;
        var position = 0;
        var pieceHasContent = false;
        while (position < text.Length)
        {
            // Directives (%YAML, %TAG) and comments before a "---" belong to the document it starts.
            if (position > pieceStart && IsDocumentMarker(text, position) && pieceHasContent)
            {
                pieces.Add((pieceStart, position - pieceStart, pieceLine));
                pieceStart = position;
                pieceLine = line;
                pieceHasContent = false;
            }

            pieceHasContent |= IsContentLine(text, position);
            var newline = text.IndexOf('\n', position);
            if (newline < 0)
            {
                break;
            }

            position = newline + 1;
            line++;
        }

        pieces.Add((pieceStart, text.Length - pieceStart, pieceLine));
        return pieces;
    }

    private static bool IsContentLine(string text, int lineStart)
    {
        var position = lineStart;
        while (position < text.Length && (text[position] == ' ' || text[position] == '\t' || text[position] == '\r'))
        {
            position++;
        }

        if (position >= text.Length || text[position] == '\n' || text[position] == '#')
        {
            return false;
        }

        return !(position == lineStart && text[position] == '%');
    }

    private static bool IsDocumentMarker(string text, int lineStart)
    {
        if (lineStart + 3 > text.Length || string.CompareOrdinal(text, lineStart, "---", 0, 3) != 0)
        {
            return false;
        }

        if (lineStart + 3 == text.Length)
        {
            return true;
        }

        var next = text[lineStart + 3];
        return next == ' ' || next == '\t' || next == '\r' || next == '\n';
    }
}
