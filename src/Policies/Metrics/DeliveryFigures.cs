using System.Collections.Generic;

namespace PolicyKit.Policies.Metrics;

/// <summary>DORA figures of one release: the lead times of its commits, and whether a later release restored it.</summary>
public sealed class DeliveryFigures
{
    public DeliveryFigures(IReadOnlyList<double> leadTimeDays)
    {
        LeadTimeDays = leadTimeDays;
        MedianLeadTimeDays = Statistics.Median(leadTimeDays);
    }

    /// <summary>For each non-merge commit the release brought, days from its commit time to the release time.</summary>
    public IReadOnlyList<double> LeadTimeDays { get; }

    public double? MedianLeadTimeDays { get; }

    /// <summary>The release that restored this one (a hotfix or a revert within the failure window); null: not failed.</summary>
    public string? RestoredBy { get; internal set; }

    /// <summary>Why the release counts as failed: <c>hotfix</c> or <c>revert</c>.</summary>
    public string? FailureReason { get; internal set; }

    public double? TimeToRestoreDays { get; internal set; }

    public bool Failed => RestoredBy is not null;
}
