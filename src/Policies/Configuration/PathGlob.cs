using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Configuration;

/// <summary>
/// A path pattern as in <c>.gitignore</c>: <c>*</c> within a segment, <c>**</c> across segments, <c>?</c>, <c>{a,b}</c>.
/// A pattern without a slash matches at any depth; a pattern that matches a folder matches everything inside it.
/// Compiled once, at configuration load.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex regex;

    public PathGlob(string pattern)
    {
        Pattern = pattern;
        var body = pattern.Replace('\\', '/').TrimStart('/');
        if (body.EndsWith("/", StringComparison.Ordinal))
        {
            body += "**";
        }

        if (body.IndexOf('/') < 0 && body != "**")
        {
            body = "**/" + body;
        }

        regex = new Regex("^" + Translate(body) + "(?:/.*)?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    public string Pattern { get; }

    /// <summary>Matches a path relative to the policy root, with forward slashes.</summary>
    public bool IsMatch(string relativePath) => regex.IsMatch(relativePath);

    private static string Translate(string glob)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    var followedBySlash = i + 2 < glob.Length && glob[i + 2] == '/';
                    builder.Append(followedBySlash ? "(?:.*/)?" : ".*");
                    i += followedBySlash ? 2 : 1;
                    break;
                case '*':
                    builder.Append("[^/]*");
                    break;
                case '?':
                    builder.Append("[^/]");
                    break;
                case '{':
                    var close = glob.IndexOf('}', i);
                    if (close < 0)
                    {
                        builder.Append(@"\{");
                        break;
                    }

                    var alternatives = glob.Substring(i + 1, close - i - 1).Split(',');
                    builder.Append("(?:");
                    for (var a = 0; a < alternatives.Length; a++)
                    {
                        builder.Append(a == 0 ? string.Empty : "|").Append(Translate(alternatives[a]));
                    }

                    builder.Append(')');
                    i = close;
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return builder.ToString();
    }

    public override string ToString() => Pattern;
}
