using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// One line of a <c>.gitignore</c> file, with git's meaning: <c>!</c> re-includes, a trailing <c>/</c> matches folders
/// only, a slash anywhere else anchors the pattern to the ignore file's folder (otherwise it matches a name at any
/// depth), <c>*</c> and <c>?</c> stay within a segment and <c>**</c> crosses segments.
/// </summary>
internal sealed class IgnorePattern
{
    private readonly Regex regex;

    private IgnorePattern(Regex regex, bool negated, bool foldersOnly)
    {
        this.regex = regex;
        Negated = negated;
        FoldersOnly = foldersOnly;
    }

    public bool Negated { get; }

    public bool FoldersOnly { get; }

    /// <summary>Reads one line; null for blank lines and comments.</summary>
    public static IgnorePattern? Parse(string line)
    {
        var text = TrimTrailingSpaces(line.TrimEnd('\r'));
        if (text.Length == 0 || text[0] == '#')
        {
            return null;
        }

        var negated = false;
        if (text[0] == '!')
        {
            negated = true;
            text = text.Substring(1);
        }
        else if (text.StartsWith("\\!", StringComparison.Ordinal) || text.StartsWith("\\#", StringComparison.Ordinal))
        {
            text = text.Substring(1);
        }

        var foldersOnly = text.EndsWith("/", StringComparison.Ordinal);
        text = text.TrimEnd('/');
        if (text.Length == 0)
        {
            return null;
        }

        var anchored = text.IndexOf('/') >= 0;
        text = text.TrimStart('/');
        var body = Translate(text);
        var pattern = anchored ? "^" + body + "$" : "^(?:.*/)?" + body + "$";
        return new IgnorePattern(new Regex(pattern, RegexOptions.CultureInvariant), negated, foldersOnly);
    }

    /// <summary>Whether the pattern matches <paramref name="relativePath"/>, relative to the ignore file's folder.</summary>
    public bool Matches(string relativePath, bool isFolder) => (isFolder || !FoldersOnly) && regex.IsMatch(relativePath);

    private static string TrimTrailingSpaces(string text)
    {
        var end = text.Length;
        while (end > 0 && text[end - 1] == ' ' && !(end > 1 && text[end - 2] == '\\'))
        {
            end--;
        }

        return text.Substring(0, end);
    }

    private static string Translate(string glob)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*'
                && (i == 0 || glob[i - 1] == '/') && (i + 2 == glob.Length || glob[i + 2] == '/'))
            {
                if (i + 2 == glob.Length)
                {
                    builder.Append(".*");
                    i++;
                }
                else
                {
                    // "**/" matches zero or more whole folders.
                    builder.Append("(?:.*/)?");
                    i += 2;
                }
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else if (c == '[')
            {
                var close = glob.IndexOf(']', i + 2);
                if (close < 0)
                {
                    builder.Append("\\[");
                    continue;
                }

                var set = glob.Substring(i + 1, close - i - 1);
                if (set.StartsWith("!", StringComparison.Ordinal))
                {
                    set = "^" + set.Substring(1);
                }

                builder.Append('[').Append(set.Replace("\\", "\\\\")).Append(']');
                i = close;
            }
            else if (c == '\\' && i + 1 < glob.Length)
            {
                builder.Append(Regex.Escape(glob[++i].ToString()));
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        return builder.ToString();
    }
}
