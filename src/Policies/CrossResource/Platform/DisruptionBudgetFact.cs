using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// A <c>PodDisruptionBudget</c>'s selector: its <c>matchLabels</c> (null when it has no selector, which in
/// <c>policy/v1</c> selects no pod). <c>matchExpressions</c> are not evaluated: a budget that has them is taken to cover
/// whatever its labels allow, so a budget is never missed because of them.
/// </summary>
internal sealed class DisruptionBudgetFact : ResourceFact
{
    public DisruptionBudgetFact(FactOrigin origin, IReadOnlyDictionary<string, string>? matchLabels)
        : base(origin)
    {
        MatchLabels = matchLabels;
    }

    public IReadOnlyDictionary<string, string>? MatchLabels { get; }

    /// <summary>Whether the budget covers pods with <paramref name="podLabels"/>; an empty selector covers every pod.</summary>
    public bool Covers(IReadOnlyDictionary<string, string> podLabels)
    {
        if (MatchLabels is null)
        {
            return false;
        }

        foreach (var pair in MatchLabels)
        {
            if (!podLabels.TryGetValue(pair.Key, out var value) || value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }
}
