using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Diff.Governance;

/// <summary>Turns governance changes into findings of the <c>governance</c> pack's rules.</summary>
public static class GovernanceFindings
{
    /// <param name="changes">What the change loosened.</param>
    /// <param name="pack">The governance pack in force.</param>
    /// <param name="threshold">The judging policy's policy-wide fail threshold (after any <c>--fail-on</c>); null blocks nothing.</param>
    /// <param name="advisory">Whether the findings are for information only: the head's own policy judges (<c>--policy head</c>), so the governance changes were approved separately.</param>
    public static IReadOnlyList<Finding> From(IReadOnlyList<GovernanceChange> changes, RulePack pack, Severity? threshold, bool advisory)
    {
        var rules = pack.Rules.Where(r => r.Check is GovernanceChangeCheck).ToDictionary(r => ((GovernanceChangeCheck)r.Check).Change);
        var findings = new List<Finding>();
        foreach (var change in changes)
        {
            if (!rules.TryGetValue(change.Kind, out var rule))
            {
                continue;
            }

            var blocking = !advisory && threshold is { } limit && rule.Severity >= limit;
            findings.Add(new Finding(
                rule,
                rule.Severity,
                rule.Message.Format(change.Arguments),
                null,
                change.File,
                change.Line,
                change.Column,
                change.FieldPath,
                Fingerprints.ForPolicy(rule.Id, change.File, change.FieldPath),
                null,
                blocking,
                new[] { new KeyValuePair<string, string>("after", change.After), new KeyValuePair<string, string>("before", change.Before) },
                advisory));
        }

        return findings;
    }
}
