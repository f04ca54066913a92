namespace PolicyKit.Policies.Metrics;

/// <summary>A container image a release deploys, with the environment of the manifest that names it.</summary>
/// <remarks>Repository: The image without tag or digest, e.g. <c>registry.example/odoo</c>.</remarks>
/// <remarks>Digest: The <c>sha256:…</c> digest when the reference pins one.</remarks>
/// <remarks>Proof: What the release's evidence proves about it under its environment's provenance policy; null when that environment has no provenance policy (or the evidence was not verified).</remarks>
public sealed record ImageFact(string Reference, string Repository, string? Digest, string Environment, ImageProvenance? Proof = null)
{
    public bool Pinned => Digest is not null;
}

/// <summary>Whether an image is signed by an allowed signer and carries SLSA provenance meeting the policy (both false when it is not pinned).</summary>
public sealed record ImageProvenance(bool Signed, bool SlsaProvenance);
