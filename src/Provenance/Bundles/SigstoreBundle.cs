using System.Collections.Generic;

namespace PolicyKit.Provenance.Bundles;

/// <summary>A parsed Sigstore bundle (<c>dev.sigstore.bundle.v1.Bundle</c>), already checked for structural validity.</summary>
public sealed record SigstoreBundle(
    BundleVersion Version,
    VerificationMaterial Material,
    IReadOnlyList<TransparencyLogEntry> TlogEntries,
    IReadOnlyList<byte[]> Rfc3161Timestamps,
    BundleContent Content);

/// <summary>Media type versions: 0.1 needs inclusion promises, 0.2 inclusion proofs, 0.3 a single leaf certificate.</summary>
public enum BundleVersion
{
    V01,
    V02,
    V03,
}

/// <summary>What signed the content: a leaf certificate (Fulcio, keyless) or a key the verifier must be given.</summary>
public sealed record VerificationMaterial(byte[]? LeafCertificate, string? PublicKeyHint);

/// <summary>The signed content: exactly one of a message signature or a DSSE envelope.</summary>
public abstract record BundleContent;

/// <summary>A signature over an artifact digest (hashedrekord).</summary>
public sealed record MessageSignatureContent(string DigestAlgorithm, byte[]? Digest, byte[] Signature) : BundleContent;

/// <summary>A DSSE envelope with its single signature.</summary>
public sealed record DsseEnvelopeContent(string PayloadType, byte[] Payload, byte[] Signature, string? KeyId) : BundleContent;

/// <summary>One transparency log entry with its promise (Rekor v1 SET) and/or inclusion proof.</summary>
public sealed record TransparencyLogEntry(
    long LogIndex,
    byte[] LogKeyId,
    string Kind,
    string KindVersion,
    long IntegratedTime,
    byte[]? SignedEntryTimestamp,
    InclusionProof? InclusionProof,
    byte[] CanonicalizedBody);

/// <summary>An RFC 6962 inclusion proof and the signed checkpoint whose root it reaches.</summary>
public sealed record InclusionProof(long LogIndex, byte[] RootHash, long TreeSize, IReadOnlyList<byte[]> Hashes, string? Checkpoint);
