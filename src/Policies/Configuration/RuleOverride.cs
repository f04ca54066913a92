using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Configuration;

/// <summary>A policy's change to one rule: a different severity, or switching it off.</summary>
public sealed record RuleOverride(Severity? Severity, bool? Enabled)
{
    /// <summary>The line of the override in the policy file, so a mistake in it can be pointed at; 1 when unknown.</summary>
    public int Line { get; init; } = 1;

    /// <summary>Layers <paramref name="inner"/> (an environment's) over this one (the policy-wide).</summary>
    public RuleOverride Then(RuleOverride? inner) =>
        inner is null ? this : new RuleOverride(inner.Severity ?? Severity, inner.Enabled ?? Enabled);
}
