using System;
using System.Collections.Generic;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Evaluation;

/// <summary>What to evaluate and under which policy. The doors (CLI, MSBuild, analyzer) build one of these.</summary>
public sealed class EvaluationRequest
{
    public EvaluationRequest(IReadOnlyList<ManifestSource> sources, PolicyConfig config)
    {
        Sources = sources;
        Config = config;
    }

    public IReadOnlyList<ManifestSource> Sources { get; }

    public PolicyConfig Config { get; }

    public RuleCatalog Catalog { get; init; } = RuleCatalog.BuiltIn;

    /// <summary>Judges every input as this environment instead of matching paths to environments.</summary>
    public string? Environment { get; init; }

    /// <summary>When set, replaces every environment's fail threshold (the value null means nothing blocks).</summary>
    public ThresholdOverride? FailOn { get; init; }

    /// <summary>Only rules of these categories run; empty means all. Input problems are always reported.</summary>
    public IReadOnlyCollection<string> Categories { get; init; } = Array.Empty<string>();

    /// <summary>
    /// The Pod Security level and/or version to judge with (<c>--pss-level</c>, <c>--pss-version</c>). They replace the policy
    /// file's <c>podSecurity</c>; a labelled <c>Namespace</c> in the input still decides for its own resources.
    /// </summary>
    public PodSecuritySettings? PodSecurity { get; init; }

    /// <summary>
    /// The instant exception records are judged at (expiry, age); null means the clock. Pinning it (<c>--now</c>) makes a
    /// run reproducible.
    /// </summary>
    public DateTimeOffset? Now { get; init; }

    /// <summary>
    /// The exception files to apply. Null (the default) reads every file of the policy's exceptions folder
    /// (<c>exceptions/</c> beside <c>policykit.yaml</c>); an empty list applies none.
    /// </summary>
    public IReadOnlyList<ManifestSource>? ExceptionSources { get; init; }

    /// <summary>
    /// An earlier run under the same policy and options whose findings unchanged files take over instead of being judged
    /// again; null judges every file.
    /// </summary>
    public EvaluationReuse? Reuse { get; init; }

    /// <summary>
    /// Record the privileges every resource holds (<see cref="EvaluationResult.Access"/>), so that two runs can be
    /// compared for privileged-access changes without their trees. Off for an ordinary check, which does not need them.
    /// </summary>
    public bool RecordAccess { get; init; }

    /// <summary>
    /// Record the image every container of each file names (<see cref="FileOutcome.Images"/>), so a caller that
    /// inventories what is deployed (the metrics) does not read the files a second time.
    /// </summary>
    public bool RecordImages { get; init; }

    /// <summary>What discovery found besides the sources (ignored paths, overlays, charts), carried into the result.</summary>
    public Discovery.DiscoverySummary Discovery { get; init; } = PolicyKit.Policies.Discovery.DiscoverySummary.None;

    /// <summary>Counts judged files as the evaluation runs, for a door that shows progress; null when nobody watches.</summary>
    public EvaluationProgress? Progress { get; init; }

    /// <summary>
    /// What is proven about the images the manifests deploy (verified Sigstore bundles); null when the door cannot verify
    /// evidence, in which case the provenance rules that need it stay silent.
    /// </summary>
    public Provenance.IImageEvidenceSource? Evidence { get; init; }

    /// <summary>At most this many files are evaluated at once; defaults to the processor count.</summary>
    public int MaxParallelism { get; init; } = System.Environment.ProcessorCount;
}

/// <summary>A fail threshold given on the command line; <see cref="Threshold"/> null means <c>none</c>.</summary>
public sealed record ThresholdOverride(Severity? Threshold);
