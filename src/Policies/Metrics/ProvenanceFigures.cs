using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// Images a release deploys and how many are pinned by digest. <see cref="Signed"/> and <see cref="WithSlsaProvenance"/>
/// stay null until the engine's result carries a provenance summary (the provenance issue): the seam is
/// <see cref="ProvenanceFigures(IReadOnlyList{ImageFact}, int?, int?)"/>'s last two arguments.
/// </summary>
public sealed class ProvenanceFigures
{
    public ProvenanceFigures(IReadOnlyList<ImageFact> images, int? signed = null, int? withSlsaProvenance = null)
    {
        var distinct = images.Select(i => i.Reference).Distinct().ToList();
        Images = distinct.Count;
        Pinned = images.Where(i => i.Pinned).Select(i => i.Reference).Distinct().Count();
        Unpinned = images.Where(i => !i.Pinned).Select(i => i.Reference).Distinct().OrderBy(r => r, System.StringComparer.Ordinal).ToList();
        Signed = signed;
        WithSlsaProvenance = withSlsaProvenance;
    }

    /// <summary>Distinct image references deployed.</summary>
    public int Images { get; }

    public int Pinned { get; }

    public IReadOnlyList<string> Unpinned { get; }

    /// <summary>Images signed by an allowed identity; null: not measured by this engine build.</summary>
    public int? Signed { get; }

    /// <summary>Images with SLSA provenance; null: not measured by this engine build.</summary>
    public int? WithSlsaProvenance { get; }
}
