namespace PolicyKit.Policies.Provenance;

/// <summary>
/// Where the engine learns what is proven about an image. The engine stays free of cryptography: a door that can
/// verify Sigstore bundles (the gate, through PolicyKit.Provenance) supplies an implementation in the evaluation
/// request. Implementations are called from parallel file evaluations and should verify each digest once.
/// </summary>
public interface IImageEvidenceSource
{
    /// <param name="digest">An image digest, <c>sha256:</c> followed by 64 lower-case hex digits.</param>
    ImageEvidence For(string digest);
}
