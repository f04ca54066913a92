namespace PolicyKit.Policies.Metrics;

/// <summary>A container image a release deploys, with the environment of the manifest that names it.</summary>
/// <remarks>Repository: The image without tag or digest, e.g. <c>registry.example/odoo</c>.</remarks>
/// <remarks>Digest: The <c>sha256:…</c> digest when the reference pins one.</remarks>
public sealed record ImageFact(string Reference, string Repository, string? Digest, string Environment)
{
    public bool Pinned => Digest is not null;
}
