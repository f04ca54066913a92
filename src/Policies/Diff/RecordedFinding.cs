using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Diff;

/// <summary>
/// A finding as an earlier state recorded it — a base commit's evaluation or a JSON report kept from an earlier run —
/// with just what a comparison and its report need.
/// </summary>
public sealed record RecordedFinding(
    string Fingerprint,
    string RuleId,
    string Title,
    string Category,
    string Severity,
    string Message,
    string File,
    int Line,
    int Column,
    string? Kind,
    string? Namespace,
    string? Name,
    bool Blocking,
    bool Suppressed)
{
    public static RecordedFinding From(Finding finding) => new(
        finding.Fingerprint,
        finding.RuleId,
        finding.Rule.Title,
        finding.Category,
        finding.Severity.ToName(),
        finding.Message,
        finding.File,
        finding.Line,
        finding.Column,
        finding.Resource?.Kind,
        finding.Resource?.Namespace,
        finding.Resource?.Name,
        finding.Blocking,
        finding.Suppressed);
}
