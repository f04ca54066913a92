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

    public EnvironmentRuleSet(PolicyEnvironment? environment, string? name, Severity? failOn, IEnumerable<Rule> rules, IReadOnlyDictionary<string, RuleOverride> policyOverrides, IReadOnlyDictionary<string, RuleOverride>? environmentOverrides)
    {
        Environment = environment;
        Name = name;
        FailOn = failOn;
        foreach (var rule in rules)
        {
            policyOverrides.TryGetValue(rule.Id, out var policyOverride);
            RuleOverride? environmentOverride = null;
            environmentOverrides?.TryGetValue(rule.Id, out environmentOverride);
            var effective = (policyOverride ?? new RuleOverride(null, null)).Then(environmentOverride);
            if (effective.Enabled == false)
            {
                continue;
            }

            var binding = new RuleBinding(rule, effective.Severity ?? rule.Severity);
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

    public Severity? FailOn { get; }

    public bool Blocks(Severity severity) => FailOn.HasValue && severity >= FailOn.Value;

    public RuleBinding[] ForKind(string kind) => byKind.GetOrAdd(kind, k => resourceRules.FindAll(b => b.Rule.Match.Matches(k) && b.Rule.Check.AppliesToKind(k)).ToArray());

    public bool TryGetInputRule(InputProblemKind kind, out RuleBinding binding) => inputRules.TryGetValue(kind, out binding);
}
