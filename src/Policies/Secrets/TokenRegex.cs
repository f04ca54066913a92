using System;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>How every secret pattern is compiled: once, culture-invariant, with a timeout as a guard against pathological input.</summary>
internal static class TokenRegex
{
    /// <summary>Every pattern is linear (bounded repetitions, no nested quantifiers); the timeout is a second line of defence.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public static Regex Create(string pattern, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture | extra, Timeout);
}
