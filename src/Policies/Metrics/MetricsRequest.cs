using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Metrics;

/// <summary>What <c>policykit metrics</c> measures: a repository, how its releases are found, a period and environments.</summary>
public sealed class MetricsRequest
{
    public MetricsRequest(string repository, ReleaseSelection releases)
    {
        Repository = repository;
        Releases = releases;
    }

    /// <summary>A folder inside the deployment repository; its top level holds <c>policykit.yaml</c> (or none: defaults).</summary>
    public string Repository { get; }

    public ReleaseSelection Releases { get; }

    /// <summary>Releases before this instant are left out; the first one kept is compared with nothing.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Releases after this instant are left out; open exposure windows are measured up to it.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>Only these environments count; empty means all (paths no environment claims are <c>default</c>).</summary>
    public IReadOnlyCollection<string> Environments { get; init; } = Array.Empty<string>();

    /// <summary>A folder of Trivy and Grype JSON reports, one per scan of an image digest.</summary>
    public string? VulnerabilityReports { get; init; }

    /// <summary>A folder of gate JSON reports kept by CI.</summary>
    public string? GateReports { get; init; }

    /// <summary>
    /// Verifies each release's provenance evidence; without it the signed and SLSA figures are null (not measured) even
    /// where a release has a provenance policy.
    /// </summary>
    public ReleaseEvidence? Evidence { get; init; }
}
