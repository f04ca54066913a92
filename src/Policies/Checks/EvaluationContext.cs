using System;
using System.Collections.Generic;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks;

/// <summary>
/// What a check may know beyond the resource it judges: the other resources of the run (e.g. the Namespace objects whose
/// labels set a Pod Security level), the policy in force and the environment judging the resource.
/// </summary>
public sealed class EvaluationContext
{
    internal EvaluationContext(PolicyConfig config, IReadOnlyDictionary<string, Resource> namespaces)
    {
        Config = config;
        Namespaces = namespaces;
    }

    public PolicyConfig Config { get; }

    /// <summary>The <c>Namespace</c> objects found in the checked input, by name.</summary>
    public IReadOnlyDictionary<string, Resource> Namespaces { get; }

    /// <summary>The environment judging the current resource, or null when none matched.</summary>
    public PolicyEnvironment? Environment { get; internal set; }

    /// <summary>The Pod Security level and version given on the command line (<c>--pss-level</c>, <c>--pss-version</c>), if any.</summary>
    public PodSecurity.PodSecuritySettings? PodSecurity { get; internal set; }

    /// <summary>What the run's evidence proves about image digests; null when the door supplies none.</summary>
    public Policies.Provenance.IImageEvidenceSource? Evidence { get; internal set; }

    /// <summary>The provenance requirements for the current resource: its environment's, else the policy-wide ones.</summary>
    public Policies.Provenance.ProvenancePolicy? Provenance => Environment?.Provenance ?? Config.Provenance?.Policy;

    /// <summary>The instant the run judges time-dependent facts at (secret rotation age); one value for the whole run.</summary>
    public DateTimeOffset Now { get; internal set; } = DateTimeOffset.UtcNow;
}
