using System;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// A detector defined by a regular expression whose <c>secret</c> group (or whole match) is the secret, with an optional
/// extra test. Matches whose secret is a placeholder (<c>ghp_xxxxxxxx…</c>, <c>${TOKEN}</c>) are skipped.
/// </summary>
public sealed class PatternTokenDetector : TokenDetector
{
    private const string SecretGroup = "secret";
    /// <summary>
    /// Built on first use: the keyword index lets a regular expression run only on text holding one of its keywords, so
    /// most detectors never run in a process (an analyzer in a compiler, a gate judging plain manifests), and compiling
    /// all of them up front was most of the detectors' start-up cost.
    /// </summary>
    private readonly Lazy<Regex> pattern;
    private readonly Func<string, bool>? accept;

    public PatternTokenDetector(string id, string description, string[] keywords, string pattern, Func<string, bool>? accept = null)
        : base(id, description, keywords)
    {
        this.pattern = new Lazy<Regex>(() => TokenRegex.Create(pattern));
        this.accept = accept;
    }

    public override bool TryFind(string text, int start, out TokenMatch match)
    {
        for (var found = pattern.Value.Match(text, start); found.Success; found = found.NextMatch())
        {
            var group = found.Groups[SecretGroup];
            var secret = group.Success ? group : found;
            var value = secret.Value;
            if (IsPlaceholder(value) || (accept is not null && !accept(value)))
            {
                continue;
            }

            match = new TokenMatch(this, secret.Index, secret.Length);
            return true;
        }

        match = default;
        return false;
    }

    /// <summary>Documentation placeholders: a long run of one character (<c>xxxxxxxxxxxx</c>) or a substitution.</summary>
    internal static bool IsPlaceholder(string value)
    {
        var run = 1;
        for (var i = 1; i < value.Length; i++)
        {
            run = value[i] == value[i - 1] ? run + 1 : 1;
            if (run >= 12)
            {
                return true;
            }
        }

        return PlaceholderText.ContainsSubstitution(value);
    }
}
