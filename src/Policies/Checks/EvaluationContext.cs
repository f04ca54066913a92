using System;
using PolicyKit.Policies.Configuration;

namespace PolicyKit.Policies.Checks;

/// <summary>
/// What a check may know beyond the resource it judges while files stream: the policy in force and the environment
/// judging the resource. Facts about other resources (a Namespace's Pod Security labels) are only complete once every
/// file is read, so checks that need them defer that part of their verdict (<see cref="ViolationSink"/>).
/// </summary>
public sealed class EvaluationContext
{
    internal EvaluationContext(PolicyConfig config)
    {
        Config = config;
    }

    public PolicyConfig Config { get; }

    /// <summary>The environment judging the current resource, or null when none matched.</summary>
    public PolicyEnvironment? Environment { get; internal set; }

    /// <summary>The name of the environment judging the current resource (also an ad-hoc <c>--env</c> name), or null.</summary>
    public string? EnvironmentName { get; internal set; }

    /// <summary>The hosting profile of that environment (<see cref="HostingProfiles"/>): its own, else the policy-wide one; null when none.</summary>
    public string? Profile { get; internal set; }

    /// <summary>Whether that environment is production (<see cref="ProductionEnvironments"/>).</summary>
    public bool IsProduction { get; internal set; }

    /// <summary>The Pod Security level and version given on the command line (<c>--pss-level</c>, <c>--pss-version</c>), if any.</summary>
    public PodSecurity.PodSecuritySettings? PodSecurity { get; internal set; }

    /// <summary>What the run's evidence proves about image digests; null when the door supplies none.</summary>
    public Policies.Provenance.IImageEvidenceSource? Evidence { get; internal set; }

    /// <summary>The provenance requirements for the current resource: its environment's, else the policy-wide ones.</summary>
    public Policies.Provenance.ProvenancePolicy? Provenance => Environment?.Provenance ?? Config.Provenance?.Policy;

    /// <summary>The instant the run judges time-dependent facts at (secret rotation age); one value for the whole run.</summary>
    public DateTimeOffset Now { get; internal set; } = DateTimeOffset.UtcNow;
}
