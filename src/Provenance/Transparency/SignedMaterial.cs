namespace PolicyKit.Provenance.Transparency;

/// <summary>
/// What a transparency log entry must record about the bundle: the verifier (leaf certificate or public key, DER),
/// the signature, either the artifact digest (message signatures) or the DSSE payload, and the SHA-256 of what the
/// signature covers (the artifact, or a DSSE envelope's pre-authentication encoding: Rekor v2 logs DSSE envelopes as
/// hashedrekord entries over that digest).
/// </summary>
public sealed record SignedMaterial(byte[] VerifierDer, byte[] Signature, byte[]? ArtifactDigest, byte[]? DssePayload, byte[] SignedDigest);
