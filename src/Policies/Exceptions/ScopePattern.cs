using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// One glob of an exception's scope: <c>*</c> matches any run of characters (slashes and colons included, so
/// <c>docker.io/library/postgres:15*</c> works for images), <c>?</c> one character; everything else is literal and
/// case-sensitive, as Kubernetes names are. Compiled once, when the record is read.
/// </summary>
public sealed class ScopePattern
{
    private readonly Regex? regex;

    public ScopePattern(string pattern)
    {
        Pattern = pattern;
        MatchesEverything = pattern.Length > 0 && pattern.Trim('*').Length == 0;
        if (pattern.IndexOf('*') >= 0 || pattern.IndexOf('?') >= 0)
        {
            regex = new Regex("^" + Translate(pattern) + "$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }
    }

    public string Pattern { get; }

    /// <summary>True for <c>*</c> (or <c>**</c>…): the pattern narrows nothing.</summary>
    public bool MatchesEverything { get; }

    public bool IsMatch(string value) =>
        regex is null ? string.Equals(value, Pattern, StringComparison.Ordinal) : regex.IsMatch(value);

    public override string ToString() => Pattern;

    private static string Translate(string glob)
    {
        var builder = new StringBuilder(glob.Length + 8);
        foreach (var c in glob)
        {
            builder.Append(c switch
            {
                '*' => ".*",
                '?' => ".",
                _ => Regex.Escape(c.ToString()),
            });
        }

        return builder.ToString();
    }
}
