using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Bench;

/// <summary>
/// The policy the bench measures: the built-in defaults (every default pack, as <c>policykit check</c> runs without a
/// policy file), or a chosen set of packs to measure what each adds; the profile uses <c>core</c>.
/// </summary>
internal static class BenchPolicy
{
    public const string Pack = "core";

    /// <summary>The packs <see cref="PolicyConfig.Defaults"/> selects: what users run.</summary>
    public static IReadOnlyList<string> DefaultPacks { get; } = PolicyConfig.Defaults("/").Packs.Select(p => p.Name).ToList();

    public static PolicyConfig Core(string corpus) => With(corpus, new[] { Pack }, new Dictionary<string, RuleOverride>(StringComparer.Ordinal));

    /// <summary>The defaults with exactly <paramref name="packs"/>, to measure what a pack adds to <c>core</c>.</summary>
    public static PolicyConfig WithPacks(string corpus, IReadOnlyList<string> packs) => With(corpus, packs, new Dictionary<string, RuleOverride>(StringComparer.Ordinal));

    /// <summary>The core policy with every rule in <paramref name="disabled"/> switched off (for the profile).</summary>
    public static PolicyConfig CoreWithout(string corpus, IEnumerable<string> disabled) =>
        With(corpus, new[] { Pack }, disabled.ToDictionary(id => id, _ => new RuleOverride(null, false), StringComparer.Ordinal));

    private static PolicyConfig With(string corpus, IReadOnlyList<string> packs, IReadOnlyDictionary<string, RuleOverride> rules)
    {
        var defaults = PolicyConfig.Defaults(corpus);
        return new PolicyConfig(
            defaults.SourcePath,
            defaults.RootDirectory,
            packs.Select(name => new PackSelection(name, VersionRange.Any)).ToList(),
            defaults.RulePaths,
            defaults.FailOn,
            defaults.Environments,
            rules,
            defaults.Exclude,
            defaults.Limits);
    }
}
