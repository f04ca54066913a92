using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Evaluation;

/// <summary>
/// The rules in force in one environment, with overrides applied and indexed by kind, so each resource is only shown
/// the rules that can judge it.
/// </summary>
internal sealed class EnvironmentRuleSet
{
    private readonly List<RuleBinding> resourceRules = new();
    private readonly Dictionary<InputProblemKind, RuleBinding> inputRules = new();
    private readonly ConcurrentDictionary<string, RuleBinding[]> byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleBinding> byId = new(StringComparer.Ordinal);

    /// <summary>Binds <paramref name="rules"/> under the overrides; <paramref name="profile"/> (the environment's hosting profile, else the policy-wide one) leaves out rules for other profiles.</summary>
    public EnvironmentRuleSet(PolicyEnvironment? environment, string? name, Severity? failOn, IEnumerable<Rule> rules, IReadOnlyDictionary<string, RuleOverride> policyOverrides, IReadOnlyDictionary<string, RuleOverride>? environmentOverrides, string? profile)
    {
        Environment = environment;
        Name = name;
        FailOn = failOn;
        Profile = profile;
        IsProduction = ProductionEnvironments.IsProduction(name, environment?.Production);
        foreach (var rule in rules)
        {
            if (rule.Profiles.Count > 0 && (profile is null || !Contains(rule.Profiles, profile)))
            {
                continue;
            }

            policyOverrides.TryGetValue(rule.Id, out var policyOverride);
            RuleOverride? environmentOverride = null;
            environmentOverrides?.TryGetValue(rule.Id, out environmentOverride);
            var effective = (policyOverride ?? new RuleOverride(null, null)).Then(environmentOverride);
            if (effective.Enabled == false)
            {
                continue;
            }

            var binding = new RuleBinding(rule, effective.Severity ?? rule.Severity);
            byId[rule.Id] = binding;
            if (rule.Check is InputCheck input)
            {
                inputRules[input.Problem] = binding;
            }
            else
            {
                resourceRules.Add(binding);
            }
        }
    }

    /// <summary>The policy's environment, or null for the fallback and for an ad-hoc <c>--env</c> name.</summary>
    public PolicyEnvironment? Environment { get; }

    public string? Name { get; }

    /// <summary>The hosting profile judging this environment (<see cref="HostingProfiles"/>), or null.</summary>
    public string? Profile { get; }

    public bool IsProduction { get; }

    public Severity? FailOn { get; }

    public bool Blocks(Severity severity) => FailOn.HasValue && severity >= FailOn.Value;

    public RuleBinding[] ForKind(string kind) => byKind.GetOrAdd(kind, k => resourceRules.FindAll(b => b.Rule.Match.Matches(k) && b.Rule.Check.AppliesToKind(k)).ToArray());

    /// <summary>The rule's binding when it is in force here (enabled, for this profile); cross-resource findings ask.</summary>
    public bool TryGetBinding(string ruleId, out RuleBinding binding) => byId.TryGetValue(ruleId, out binding!);

    private static bool Contains(IReadOnlyList<string> profiles, string profile)
    {
        foreach (var candidate in profiles)
        {
            if (candidate == profile)
            {
                return true;
            }
        }

        return false;
    }

    public bool TryGetInputRule(InputProblemKind kind, out RuleBinding binding) => inputRules.TryGetValue(kind, out binding);
}
