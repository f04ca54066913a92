using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Diff.Access;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Evaluation;

/// <summary>
/// What judging one file produced, before exceptions applied: its findings, the compact facts other files' verdicts need,
/// and the judgements waiting for those facts. Its parsed tree is not kept.
/// </summary>
internal sealed record FileOutcome(
    string DisplayPath,
    List<Finding> Findings,
    int ResourceCount,
    List<SecretRotationItem> Rotation,
    List<NamespacePodSecurityLabels> Namespaces,
    List<(PendingJudgement Judgement, Severity Severity)> Pending,
    EnvironmentRuleSet Environment)
{
    /// <summary>The privileges the file's resources hold, when the run records them (<see cref="EvaluationRequest.RecordAccess"/>).</summary>
    public IReadOnlyList<AccessFact> Access { get; init; } = System.Array.Empty<AccessFact>();

    /// <summary>The image every container of the file names, when the run records them (<see cref="EvaluationRequest.RecordImages"/>).</summary>
    public IReadOnlyList<string> Images { get; init; } = System.Array.Empty<string>();

    /// <summary>The file's display path when it held YAML that is not a Kubernetes object (skipped and counted).</summary>
    public string? OtherYaml { get; init; }

    /// <summary>Images the file deploys and what their evidence proves, under its environment's provenance policy.</summary>
    public Provenance.ProvenanceFigure? Provenance { get; init; }

    /// <summary>
    /// What cross-resource rules need of the file's resources. A reused outcome keeps them, so its resources still enter
    /// the index that every run judges anew.
    /// </summary>
    public IReadOnlyList<CrossResource.ResourceFact> Facts { get; init; } = System.Array.Empty<CrossResource.ResourceFact>();

    /// <summary>Whether this outcome was taken over from an earlier run rather than judged again.</summary>
    public bool Reused { get; init; }

    /// <summary>
    /// The same outcome for a new run: findings as judged and settled, before any exception of the earlier run waived
    /// them. Its deferred judgements were settled in the earlier run, under the same namespaces, so none is pending.
    /// </summary>
    public FileOutcome Reopened() => this with
    {
        Findings = Findings.Select(f => f.Reopened()).ToList(),
        Pending = new List<(PendingJudgement Judgement, Severity Severity)>(),
        Reused = true,
    };
}
