using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Diff.Governance;

/// <summary>
/// Judges a change to the policy rather than resources: a rule with this check (<c>check: governance-change</c>) turns
/// each <see cref="GovernanceChange"/> of its kind, found by comparing the base's policy with the head's, into a finding
/// at the changed line.
/// </summary>
public sealed class GovernanceChangeCheck : Check
{
    public GovernanceChangeCheck(CheckParameters parameters)
    {
        var change = parameters.GetRequiredString("change");
        if (!GovernanceChangeKinds.TryParse(change, out var kind))
        {
            throw parameters.Error(null, $"unknown governance change '{change}'; known: {GovernanceChangeKinds.Choices}");
        }

        Change = kind;
    }

    public GovernanceChangeKind Change { get; }

    public override bool AppliesToKind(string kind) => false;

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
    }
}
