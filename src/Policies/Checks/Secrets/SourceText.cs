using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// The text of a source, read again only when a secret must be located inside a multi-line or embedded value (a line
/// of an <c>odoo.conf</c> held in a ConfigMap, a token in a script). The node tree keeps where each value starts, not
/// where each of its lines sits in the file. Read once per source, and dropped once the source has been judged
/// (<see cref="Forget"/>): a run over thousands of files must not keep every text it once searched.
/// </summary>
internal sealed class SourceText
{
    private static readonly ConditionalWeakTable<ManifestSource, SourceText> Cache = new();
    private static readonly SourceText Unavailable = new(string.Empty);

    private List<int>? lineStarts;

    private SourceText(string text)
    {
        Text = text;
    }

    public string Text { get; }

    public static SourceText? Of(ManifestSource source)
    {
        var text = Cache.GetValue(source, Read);
        return ReferenceEquals(text, Unavailable) ? null : text;
    }

    /// <summary>
    /// Keeps the text the loader decoded for <paramref name="source"/> until <see cref="Forget"/>, so that locating a
    /// secret in it does not read and decode the source again.
    /// </summary>
    public static void Keep(ManifestSource source, string text)
    {
        // One thread judges a source, so nothing can come between the two.
        Cache.Remove(source);
        Cache.Add(source, new SourceText(text));
    }

    /// <summary>Drops the text kept for <paramref name="source"/>; a later look reads it again.</summary>
    public static void Forget(ManifestSource source) => Cache.Remove(source);

    /// <summary>The 0-based offset of a 1-based line and column, or -1 when outside the text.</summary>
    public int OffsetOf(int line, int column)
    {
        var starts = LineStarts();
        if (line < 1 || line > starts.Count || column < 1)
        {
            return -1;
        }

        var offset = starts[line - 1] + column - 1;
        return offset <= Text.Length ? offset : -1;
    }

    /// <summary>The 0-based offset where a 1-based line starts, or -1.</summary>
    public int LineStart(int line) => line >= 1 && line <= LineStarts().Count ? LineStarts()[line - 1] : -1;

    /// <summary>The 1-based line and column of a 0-based offset.</summary>
    public (int Line, int Column) PositionOf(int offset)
    {
        var starts = LineStarts();
        var index = starts.BinarySearch(offset);
        var line = index >= 0 ? index : ~index - 1;
        return (line + 1, offset - starts[line] + 1);
    }

    /// <summary>Where each line starts, found the first time a position is asked for: most texts kept never are.</summary>
    private List<int> LineStarts()
    {
        if (lineStarts is null)
        {
            // IndexOf is vectorised; a loop over every character was a visible share of judging a large file. Sized
            // from the count of line feeds (also vectorised), the list does not grow by copies.
#if NET
            var starts = new List<int>(Text.AsSpan().Count('\n') + 1) { 0 };
#else
            var starts = new List<int> { 0 };
#endif
            for (var i = Text.IndexOf('\n'); i >= 0; i = Text.IndexOf('\n', i + 1))
            {
                starts.Add(i + 1);
            }

            lineStarts = starts;
        }

        return lineStarts;
    }

    private static SourceText Read(ManifestSource source)
    {
        try
        {
            var bytes = source.ReadAllBytes();
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return new SourceText(new UTF8Encoding(false, false).GetString(bytes, offset, bytes.Length - offset));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The file changed or vanished since it was loaded: findings fall back to where the value starts.
            return Unavailable;
        }
    }
}
