using System.Linq;

namespace PolicyKit.Policies.Provenance;

/// <summary>
/// What the evidence proves about one pinned image under a policy: a bundle verified, one from an allowed signer, and
/// one from an allowed signer carrying SLSA v1 provenance that meets the policy's <c>slsa</c> requirements (any SLSA v1
/// provenance when the policy sets none).
/// </summary>
public sealed class ImageProof
{
    private ImageProof(bool verified, bool allowedSigner, bool slsaProvenance)
    {
        Verified = verified;
        AllowedSigner = allowedSigner;
        SlsaProvenance = slsaProvenance;
    }

    public bool Verified { get; }

    public bool AllowedSigner { get; }

    public bool SlsaProvenance { get; }

    public static ImageProof Of(string digest, ProvenancePolicy policy, IImageEvidenceSource? evidence)
    {
        var verified = evidence?.For(digest).Verified.ToList() ?? new System.Collections.Generic.List<VerifiedEvidence>();
        var allowed = verified.Where(policy.AllowsSigner).ToList();
        var slsa = allowed.Any(v => v.Slsa is { } provenance && (policy.Slsa is null || policy.Slsa.Mismatch(provenance) is null));
        return new ImageProof(verified.Count > 0, allowed.Count > 0, slsa);
    }
}
