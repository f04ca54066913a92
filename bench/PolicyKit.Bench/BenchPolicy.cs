using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Bench;

/// <summary>
/// The policy the bench measures: the built-in defaults, but with only the <c>core</c> pack (at its newest version).
/// The defaults alone would run every built-in pack, and the target is stated for <c>core</c>.
/// </summary>
internal static class BenchPolicy
{
    public const string Pack = "core";

    public static PolicyConfig Core(string corpus) => With(corpus, new Dictionary<string, RuleOverride>(StringComparer.Ordinal));

    /// <summary>The core policy with every rule in <paramref name="disabled"/> switched off (for the profile).</summary>
    public static PolicyConfig CoreWithout(string corpus, IEnumerable<string> disabled) =>
        With(corpus, disabled.ToDictionary(id => id, _ => new RuleOverride(null, false), StringComparer.Ordinal));

    private static PolicyConfig With(string corpus, IReadOnlyDictionary<string, RuleOverride> rules)
    {
        var defaults = PolicyConfig.Defaults(corpus);
        return new PolicyConfig(
            defaults.SourcePath,
            defaults.RootDirectory,
            new[] { new PackSelection(Pack, VersionRange.Any) },
            defaults.RulePaths,
            defaults.FailOn,
            defaults.Environments,
            rules,
            defaults.Exclude,
            defaults.Limits);
    }
}
