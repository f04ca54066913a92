using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Diff.Governance;

/// <summary>The ways a change can loosen the policy that judges it (<c>check: governance-change</c>, parameter <c>change</c>).</summary>
public enum GovernanceChangeKind
{
    RuleDisabled,
    RuleDowngraded,
    ThresholdLowered,
    EnvironmentNarrowed,
    PackPinnedOlder,
    PackDropped,
    PathsExcluded,
    ExceptionAdded,
    ExceptionWidened,
    ExceptionExtended,
}

internal static class GovernanceChangeKinds
{
    private static readonly Dictionary<string, GovernanceChangeKind> Names = new(StringComparer.Ordinal)
    {
        ["rule-disabled"] = GovernanceChangeKind.RuleDisabled,
        ["rule-downgraded"] = GovernanceChangeKind.RuleDowngraded,
        ["threshold-lowered"] = GovernanceChangeKind.ThresholdLowered,
        ["environment-narrowed"] = GovernanceChangeKind.EnvironmentNarrowed,
        ["pack-pinned-older"] = GovernanceChangeKind.PackPinnedOlder,
        ["pack-dropped"] = GovernanceChangeKind.PackDropped,
        ["paths-excluded"] = GovernanceChangeKind.PathsExcluded,
        ["exception-added"] = GovernanceChangeKind.ExceptionAdded,
        ["exception-widened"] = GovernanceChangeKind.ExceptionWidened,
        ["exception-extended"] = GovernanceChangeKind.ExceptionExtended,
    };

    public static bool TryParse(string text, out GovernanceChangeKind kind) => Names.TryGetValue(text, out kind);

    public static string Choices => string.Join(", ", Names.Keys);
}
