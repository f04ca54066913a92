using System;
using System.Collections.Generic;

namespace PolicyKit.Gate.Output;

/// <summary>Breaks a message into lines of at most a given width, at spaces where it can and inside a word only when one word is wider.</summary>
internal static class TextWrap
{
    public static IReadOnlyList<string> Lines(string text, int width)
    {
        if (width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, "a line holds at least one character");
        }

        var lines = new List<string>();
        var start = 0;
        while (text.Length - start > width)
        {
            var breakAt = text.LastIndexOf(' ', start + width, width + 1);
            if (breakAt <= start)
            {
                lines.Add(text.Substring(start, width));
                start += width;
                continue;
            }

            lines.Add(text.Substring(start, breakAt - start));
            start = breakAt + 1;
            while (start < text.Length && text[start] == ' ')
            {
                start++;
            }
        }

        if (start < text.Length || lines.Count == 0)
        {
            lines.Add(text.Substring(start));
        }

        return lines;
    }
}
