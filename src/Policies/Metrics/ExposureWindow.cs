using System;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// How long a fixable vulnerability of a deployed image stayed deployed: from the first scan that showed a fix (or the
/// advisory's publication when no earlier scan exists, <see cref="StartSource"/> <c>published</c>) to the first release
/// whose images no longer carry it, or still open at the end of the period.
/// </summary>
public sealed record ExposureWindow(
    string Repository,
    string VulnerabilityId,
    string Severity,
    DateTimeOffset Start,
    string StartSource,
    string FirstCarriedBy,
    string? ClosedBy,
    DateTimeOffset? End,
    double Days,
    double? LimitDays)
{
    public bool Open => End is null;

    /// <summary>Longer than its severity's limit (an open window counts from its start to the end of the period).</summary>
    public bool Breach => LimitDays is { } limit && Days > limit;
}
