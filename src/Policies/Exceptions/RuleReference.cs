using System;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// A rule an exception waives: an exact id (<c>PK1009</c>) or an id prefix with a trailing wildcard (<c>PK12*</c>), which
/// waives every rule whose id starts with the prefix, including rules added to the pack later.
/// </summary>
public sealed class RuleReference
{
    private static readonly Regex Exact = new("^PK[0-9]{4}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex Wildcard = new("^PK[0-9]{0,3}\\*$", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private RuleReference(string text, bool isWildcard)
    {
        Text = text;
        IsWildcard = isWildcard;
        Prefix = isWildcard ? text.Substring(0, text.Length - 1) : text;
    }

    /// <summary>As written in the record.</summary>
    public string Text { get; }

    public bool IsWildcard { get; }

    private string Prefix { get; }

    public static bool TryParse(string text, out RuleReference reference)
    {
        if (Exact.IsMatch(text) || Wildcard.IsMatch(text))
        {
            reference = new RuleReference(text, text.EndsWith("*", StringComparison.Ordinal));
            return true;
        }

        reference = null!;
        return false;
    }

    public bool Matches(string ruleId) =>
        IsWildcard ? ruleId.StartsWith(Prefix, StringComparison.Ordinal) : string.Equals(ruleId, Text, StringComparison.Ordinal);

    public override string ToString() => Text;
}
