using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Diff.Access;

/// <summary>
/// Compares the privileges of two evaluations: every privilege the later one holds that the earlier did not, or holds
/// more widely, and every network protection it lost. The count is the per-change (per-release) figure of
/// privileged-access changes.
/// </summary>
public static class AccessDiff
{
    /// <summary>Facts whose loss opens access rather than granting it.</summary>
    private static readonly HashSet<string> Protections = new(StringComparer.Ordinal) { AccessFactKinds.NetworkPolicy, AccessFactKinds.NetworkPolicyDirection };

    public static IReadOnlyList<AccessChange> Compare(IReadOnlyList<AccessFact> before, IReadOnlyList<AccessFact> after) =>
        Compare(before, after, f => f.Key, f => f.ResourceKey);

    /// <summary>The same comparison with each fact's <see cref="AccessFact.Key"/> and <see cref="AccessFact.ResourceKey"/> given by the caller.</summary>
    /// <param name="before">The earlier evaluation's facts.</param>
    /// <param name="after">The later evaluation's facts.</param>
    /// <param name="keyOf">A fact's key; a caller comparing a long series of evaluations that share most facts remembers them.</param>
    /// <param name="resourceKeyOf">A fact's resource key, likewise.</param>
    public static IReadOnlyList<AccessChange> Compare(IReadOnlyList<AccessFact> before, IReadOnlyList<AccessFact> after, Func<AccessFact, string> keyOf, Func<AccessFact, string> resourceKeyOf)
    {
        var old = new Dictionary<string, AccessFact>(StringComparer.Ordinal);
        var oldResources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in before)
        {
            var key = keyOf(fact);
            if (!old.ContainsKey(key))
            {
                old[key] = fact;
            }

            oldResources.Add(resourceKeyOf(fact));
        }

        var current = new HashSet<string>(after.Select(keyOf), StringComparer.Ordinal);
        var changes = new List<(AccessFact Fact, AccessChange Change)>();
        foreach (var fact in after.Where(f => f.Kind != AccessFactKinds.Present && !Protections.Contains(f.Kind)))
        {
            if (!old.TryGetValue(keyOf(fact), out var previous))
            {
                // A new resource reports what it asks for; defaults it merely inherits are the rbac and pss packs' business.
                if (fact.Explicit || oldResources.Contains(resourceKeyOf(fact)))
                {
                    changes.Add((fact, ToChange(fact, "none", fact.ValueText, removed: false)));
                }

                continue;
            }

            var added = fact.Values.Where(v => !previous.Values.Contains(v)).ToList();
            if (added.Count > 0)
            {
                changes.Add((fact, ToChange(fact, previous.ValueText, fact.ValueText, removed: false)));
            }
        }

        var removedPolicies = new HashSet<string>(before.Where(f => f.Kind == AccessFactKinds.NetworkPolicy && !current.Contains(keyOf(f))).Select(resourceKeyOf), StringComparer.Ordinal);
        foreach (var fact in before.Where(f => Protections.Contains(f.Kind) && !current.Contains(keyOf(f))))
        {
            if (fact.Kind == AccessFactKinds.NetworkPolicyDirection && removedPolicies.Contains(resourceKeyOf(fact)))
            {
                continue;
            }

            // A protection the head lost: located in the head where the policy still is, else in the base.
            var kept = after.FirstOrDefault(f => f.Kind == AccessFactKinds.NetworkPolicy && resourceKeyOf(f) == resourceKeyOf(fact));
            changes.Add(kept is null
                ? (fact, ToChange(fact, fact.ValueText, "removed", removed: true))
                : (kept, ToChange(fact with { File = kept.File, Line = kept.Line, Column = kept.Column }, fact.ValueText, "removed", removed: false)));
        }

        changes.Sort((a, b) => AccessFact.Compare(a.Fact, b.Fact));
        return changes.Select(c => c.Change).ToList();
    }

    private static AccessChange ToChange(AccessFact fact, string before, string after, bool removed) => new(
        fact.Area,
        fact.Kind,
        fact.Resource.ToString(),
        !Protections.Contains(fact.Kind) ? fact.Description
            : fact.Kind == AccessFactKinds.NetworkPolicy ? $"{fact.Resource} was removed; it restricted traffic"
            : $"{fact.Resource} no longer restricts {fact.Subject.ToLowerInvariant()} traffic",
        before,
        after,
        fact.File,
        fact.Line,
        fact.Column,
        fact.FieldPath,
        removed);
}
