using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Evaluation;

/// <summary>What judging one file produced, before exceptions applied; its parsed tree is not kept.</summary>
internal sealed record FileOutcome(string DisplayPath, List<Finding> Findings, int ResourceCount, List<SecretRotationItem> Rotation)
{
    /// <summary>Whether this outcome was taken over from an earlier run rather than judged again.</summary>
    public bool Reused { get; init; }

    /// <summary>The same outcome for a new run: findings as judged, before any exception of the earlier run waived them.</summary>
    public FileOutcome Reopened() => this with { Findings = Findings.Select(f => f.Reopened()).ToList(), Reused = true };
}
