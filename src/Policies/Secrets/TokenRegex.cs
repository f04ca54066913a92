using System;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// How every secret pattern is compiled: once, culture-invariant, with a timeout as a guard against pathological input.
/// The hottest patterns are generated at build time instead (with the same options), so the native gate runs them as
/// code rather than through the regex interpreter.
/// </summary>
internal static class TokenRegex
{
    /// <summary>Every pattern is linear (bounded repetitions, no nested quantifiers); the timeout is a second line of defence.</summary>
    public const int TimeoutMilliseconds = 2000;

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    public static Regex Create(string pattern, RegexOptions extra = RegexOptions.None) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.ExplicitCapture | extra, Timeout);
}
