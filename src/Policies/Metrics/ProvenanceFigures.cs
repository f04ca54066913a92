using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// The provenance of the images a release deploys in one environment (or <c>all</c>): distinct references, pinned by
/// digest, signed by an allowed signer, with SLSA provenance meeting the policy, and the ratios of the last two to the
/// images. Signed and SLSA figures are null, with <see cref="NotMeasured"/> saying why, when no image of the
/// environment is under a provenance policy whose evidence was verified.
/// </summary>
public sealed class ProvenanceFigures
{
    public const string NoPolicy = "no provenance policy";

    public const string NotVerified = "evidence not verified";

    /// <param name="environment">An environment's name, or <c>all</c>.</param>
    /// <param name="images">The images the release deploys there (for <c>all</c>: in every environment).</param>
    /// <param name="hasPolicy">Whether the environment (for <c>all</c>: any environment deploying images) has a provenance policy.</param>
    public ProvenanceFigures(string environment, IReadOnlyList<ImageFact> images, bool hasPolicy)
    {
        Environment = environment;
        var references = images.GroupBy(i => i.Reference, StringComparer.Ordinal).ToList();
        Images = references.Count;
        Pinned = references.Count(r => r.First().Pinned);
        Unpinned = references.Where(r => !r.First().Pinned).Select(r => r.Key).OrderBy(r => r, StringComparer.Ordinal).ToList();

        // An image deployed in several environments counts in "all" once, and only when every measured deployment holds.
        var measured = references.Where(r => r.Any(i => i.Proof is not null)).Select(r => r.Where(i => i.Proof is not null).Select(i => i.Proof!).ToList()).ToList();
        if (measured.Count == 0)
        {
            NotMeasured = Images == 0 ? null : hasPolicy ? NotVerified : NoPolicy;
            return;
        }

        Measured = measured.Count;
        Signed = measured.Count(proofs => proofs.TrueForAll(p => p.Signed));
        WithSlsaProvenance = measured.Count(proofs => proofs.TrueForAll(p => p.SlsaProvenance));
    }

    public string Environment { get; }

    /// <summary>Distinct image references deployed.</summary>
    public int Images { get; }

    public int Pinned { get; }

    public IReadOnlyList<string> Unpinned { get; }

    /// <summary>Images under a provenance policy whose evidence was verified: the denominator of the ratios.</summary>
    public int? Measured { get; }

    /// <summary>Images signed by an allowed signer; null: not measured (<see cref="NotMeasured"/>).</summary>
    public int? Signed { get; }

    /// <summary>Images with SLSA provenance from an allowed signer meeting the policy; null: not measured.</summary>
    public int? WithSlsaProvenance { get; }

    public double? SignedRatio => Ratio(Signed);

    public double? SlsaRatio => Ratio(WithSlsaProvenance);

    /// <summary>Why the signed and SLSA figures are null; null when measured or when there are no images.</summary>
    public string? NotMeasured { get; }

    private double? Ratio(int? count) => count is { } value && Measured is > 0 ? Math.Round((double)value / Measured.Value, 4) : null;
}
