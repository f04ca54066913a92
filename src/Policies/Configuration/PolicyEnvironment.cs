using System.Collections.Generic;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Configuration;

/// <summary>A deployment environment: which paths belong to it, what blocks there, and how its rules differ.</summary>
public sealed class PolicyEnvironment
{
    public PolicyEnvironment(string name, IReadOnlyList<PathGlob> paths, bool hasFailOn, Severity? failOn, IReadOnlyDictionary<string, RuleOverride> rules)
    {
        Name = name;
        Paths = paths;
        HasFailOn = hasFailOn;
        FailOn = failOn;
        Rules = rules;
    }

    public string Name { get; }

    public IReadOnlyList<PathGlob> Paths { get; }

    /// <summary>Whether the environment sets its own threshold; otherwise the policy-wide one applies.</summary>
    public bool HasFailOn { get; }

    /// <summary>The lowest severity that blocks here; null means nothing blocks.</summary>
    public Severity? FailOn { get; }

    public IReadOnlyDictionary<string, RuleOverride> Rules { get; }

    /// <summary>The environment's <c>podSecurity</c>; each field it sets replaces the policy-wide one.</summary>
    public PodSecuritySettings? PodSecurity { get; init; }

    /// <summary>The environment's <c>secrets</c> limits, already merged over the policy-wide ones; null means those apply.</summary>
    public Secrets.SecretsPolicy? Secrets { get; init; }

    /// <summary>The environment's <c>provenance</c> requirements; they replace the policy-wide ones.</summary>
    public Provenance.ProvenancePolicy? Provenance { get; init; }

    /// <summary>The environment's <c>profile</c> (<see cref="HostingProfiles"/>); null: the policy-wide one applies.</summary>
    public string? Profile { get; init; }

    /// <summary>The environment's <c>production</c> flag; null: decided by its name (<see cref="ProductionEnvironments"/>).</summary>
    public bool? Production { get; init; }

    public bool Contains(string relativePath)
    {
        foreach (var glob in Paths)
        {
            if (glob.IsMatch(relativePath))
            {
                return true;
            }
        }

        return false;
    }
}
