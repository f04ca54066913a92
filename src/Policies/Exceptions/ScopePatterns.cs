using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// The patterns of one scope field (<c>namespaces</c>, <c>kinds</c>…). A value matches when any pattern matches it; an
/// absent field matches everything, and a field that is present holds at least one pattern.
/// </summary>
public sealed class ScopePatterns
{
    public static readonly ScopePatterns Any = new(new ScopePattern[0]);

    public ScopePatterns(IReadOnlyList<ScopePattern> patterns)
    {
        Patterns = patterns;
    }

    public IReadOnlyList<ScopePattern> Patterns { get; }

    /// <summary>Whether the field was given at all.</summary>
    public bool IsSpecified => Patterns.Count > 0;

    /// <summary>Whether the field restricts nothing: absent, or one of its patterns is a bare <c>*</c>.</summary>
    public bool MatchesEverything => !IsSpecified || Patterns.Any(p => p.MatchesEverything);

    /// <summary>
    /// Whether <paramref name="value"/> matches. A missing value (a cluster-scoped resource's namespace, a finding with
    /// no image) matches only a field that restricts nothing.
    /// </summary>
    public bool Matches(string? value)
    {
        if (MatchesEverything)
        {
            return true;
        }

        if (value is null)
        {
            return false;
        }

        foreach (var pattern in Patterns)
        {
            if (pattern.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() => string.Join(", ", Patterns.Select(p => p.Pattern));
}
