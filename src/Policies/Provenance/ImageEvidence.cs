using System.Collections.Generic;

namespace PolicyKit.Policies.Provenance;

/// <summary>
/// What the evidence in the checked tree proves about one image digest: the signatures and attestations that verified
/// (with who signed them and what provenance they state) and the bundles that named the digest but failed, with why.
/// </summary>
public sealed class ImageEvidence
{
    public static readonly ImageEvidence None = new(new VerifiedEvidence[0], new EvidenceFailure[0]);

    public ImageEvidence(IReadOnlyList<VerifiedEvidence> verified, IReadOnlyList<EvidenceFailure> failures)
    {
        Verified = verified;
        Failures = failures;
    }

    public IReadOnlyList<VerifiedEvidence> Verified { get; }

    public IReadOnlyList<EvidenceFailure> Failures { get; }

    public bool IsEmpty => Verified.Count == 0 && Failures.Count == 0;
}

/// <summary>
/// One bundle that verified for the digest: the certificate identities and OIDC issuer of a keyless signer, or the
/// name of the policy key that signed it; and the SLSA provenance its in-toto statement carries, if any.
/// </summary>
public sealed class VerifiedEvidence
{
    public VerifiedEvidence(string source, IReadOnlyList<string> identities, string? oidcIssuer, string? keyName, SlsaProvenance? slsa)
    {
        Source = source;
        Identities = identities;
        OidcIssuer = oidcIssuer;
        KeyName = keyName;
        Slsa = slsa;
    }

    /// <summary>The bundle file, as displayed in reports.</summary>
    public string Source { get; }

    public IReadOnlyList<string> Identities { get; }

    public string? OidcIssuer { get; }

    /// <summary>The <c>provenance.keys</c> name of the key that verified a key-based bundle; null for keyless ones.</summary>
    public string? KeyName { get; }

    public SlsaProvenance? Slsa { get; }

    public string Signer => KeyName is not null ? "key " + KeyName : string.Join(", ", Identities) + " (issuer " + (OidcIssuer ?? "none") + ")";
}

/// <summary>The facts of an SLSA v1 provenance predicate that policy judges.</summary>
public sealed class SlsaProvenance
{
    public SlsaProvenance(string? builderId, string? buildType, string? sourceRepository, string? sourceRef)
    {
        BuilderId = builderId;
        BuildType = buildType;
        SourceRepository = sourceRepository;
        SourceRef = sourceRef;
    }

    public string? BuilderId { get; }

    public string? BuildType { get; }

    public string? SourceRepository { get; }

    public string? SourceRef { get; }
}

/// <summary>A bundle that names the digest but does not verify, with the one-line reason.</summary>
public sealed class EvidenceFailure
{
    public EvidenceFailure(string source, string reason)
    {
        Source = source;
        Reason = reason;
    }

    public string Source { get; }

    public string Reason { get; }
}
