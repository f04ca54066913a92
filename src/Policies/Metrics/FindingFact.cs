using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Metrics;

/// <summary>What the metrics keep of one finding of a release: enough to count, compare by fingerprint and list it.</summary>
public sealed record FindingFact(
    string Fingerprint,
    string RuleId,
    string Category,
    Severity Severity,
    bool Blocking,
    bool Suppressed,
    string Environment,
    string File,
    int Line,
    string Message);
