using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Provenance;

/// <summary>
/// The provenance figure of a run, per environment: container images deployed, pinned by digest, required to carry
/// evidence, verified, signed by an allowed signer, and with SLSA provenance meeting the policy. Counted whatever rules
/// run, so governance metrics do not depend on the packs selected (docs/provenance.md).
/// </summary>
public sealed class ProvenanceSummary
{
    public static readonly ProvenanceSummary Empty = new(new ProvenanceFigure[0]);

    public ProvenanceSummary(IReadOnlyList<ProvenanceFigure> environments) => Environments = environments;

    /// <summary>One figure per environment that deploys images, ordered by name (the unnamed fallback first).</summary>
    public IReadOnlyList<ProvenanceFigure> Environments { get; }

    internal static ProvenanceSummary Combine(IEnumerable<ProvenanceFigure> perFile) => new(
        perFile.GroupBy(f => f.Environment ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(new ProvenanceFigure(g.First().Environment), (sum, next) => sum.Add(next)))
            .ToList());

    /// <summary>Counts the container images of <paramref name="resources"/> under the policy and evidence in force.</summary>
    internal static ProvenanceFigure? Measure(IEnumerable<Resource> resources, string? environment, ProvenancePolicy? policy, IImageEvidenceSource? evidence)
    {
        var figure = new ProvenanceFigure(environment);
        foreach (var resource in resources)
        {
            if (resource.PodSpec is not { } podSpec)
            {
                continue;
            }

            foreach (var list in PodSpecView.ContainerLists)
            {
                foreach (var container in podSpec.ContainersIn(list))
                {
                    if (container.Node.GetScalar("image") is { IsNull: false } image)
                    {
                        figure.Count(ImageName.Parse(image.Value), policy, evidence);
                    }
                }
            }
        }

        return figure.Images == 0 ? null : figure;
    }
}

/// <summary>The counts of one environment; each container's image counts once.</summary>
public sealed class ProvenanceFigure
{
    public ProvenanceFigure(string? environment) => Environment = environment;

    public string? Environment { get; }

    public int Images { get; private set; }

    public int Pinned { get; private set; }

    public int RequiringEvidence { get; private set; }

    public int Verified { get; private set; }

    public int AllowedSigner { get; private set; }

    public int SlsaCompliant { get; private set; }

    internal void Count(ImageName image, ProvenancePolicy? policy, IImageEvidenceSource? evidence)
    {
        Images++;
        if (image.Digest is null)
        {
            return;
        }

        Pinned++;
        if (policy is null || !policy.Requires(image.Name))
        {
            return;
        }

        RequiringEvidence++;
        var proof = ImageProof.Of(image.Digest, policy, evidence);
        Verified += proof.Verified ? 1 : 0;
        AllowedSigner += proof.AllowedSigner ? 1 : 0;

        // Without slsa requirements an allowed signer is all the policy asks for.
        SlsaCompliant += proof.AllowedSigner && (policy.Slsa is null || proof.SlsaProvenance) ? 1 : 0;
    }

    internal ProvenanceFigure Add(ProvenanceFigure other)
    {
        Images += other.Images;
        Pinned += other.Pinned;
        RequiringEvidence += other.RequiringEvidence;
        Verified += other.Verified;
        AllowedSigner += other.AllowedSigner;
        SlsaCompliant += other.SlsaCompliant;
        return this;
    }
}
