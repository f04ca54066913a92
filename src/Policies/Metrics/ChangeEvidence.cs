using System.Collections.Generic;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// The audit-trail evidence of one change (a non-merge commit touching manifests, policy or exception records) and
/// what it lacks; <see cref="Gaps"/> is empty when the change is complete.
/// </summary>
public sealed record ChangeEvidence(string Commit, string Release, string Author, string Subject, bool Ticket, bool Approval, bool? Signature, IReadOnlyList<string> Gaps)
{
    public bool Complete => Gaps.Count == 0;
}
