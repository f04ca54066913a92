using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Evaluation;

namespace PolicyKit.Policies.Diff;

/// <summary>
/// A change judged as a change: the head's evaluation, each of its findings classified against the earlier state, and
/// the verdict a pull-request gate gives. By default only new blocking findings fail it; existing ones are the
/// repository's debt, reported but not charged to the change.
/// </summary>
public sealed class ChangeReview
{
    public ChangeReview(EvaluationResult head, EvaluationResult? baseResult, FindingComparison findings, ComparisonBasis basis, PolicySide? policy, bool failOnExisting)
    {
        Head = head;
        Base = baseResult;
        Findings = findings;
        Basis = basis;
        Policy = policy;
        FailOnExisting = failOnExisting;
    }

    /// <summary>The evaluation of the change's side, under the judging policy.</summary>
    public EvaluationResult Head { get; }

    /// <summary>The evaluation of the base commit under the same policy, or null when comparing with a baseline report.</summary>
    public EvaluationResult? Base { get; }

    public FindingComparison Findings { get; }

    public ComparisonBasis Basis { get; }

    /// <summary>Whose policy judged both sides; null when comparing with a baseline report (the policy in the working tree judged).</summary>
    public PolicySide? Policy { get; }

    /// <summary>Whether existing blocking findings fail the gate too (<c>--fail-on-existing</c>).</summary>
    public bool FailOnExisting { get; }

    /// <summary>The findings that fail the gate: new blocking ones, or every blocking one with <see cref="FailOnExisting"/>.</summary>
    public IEnumerable<Finding> Failing => FailOnExisting ? Head.Findings.Where(f => f.Blocking) : Findings.NewBlocking;

    public bool Passed => !Failing.Any();

    public FindingChange ChangeOf(Finding finding) => Findings.ChangeOf(finding);
}
