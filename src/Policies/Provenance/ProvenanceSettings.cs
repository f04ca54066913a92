using System.Collections.Generic;
using PolicyKit.Policies.Configuration;

namespace PolicyKit.Policies.Provenance;

/// <summary>
/// The policy-wide <c>provenance</c> section: where evidence lives in the checked tree, what it is verified against
/// (a trusted root, named keys), and the default <see cref="ProvenancePolicy"/> environments may replace.
/// </summary>
public sealed class ProvenanceSettings
{
    public static readonly IReadOnlyList<PathGlob> DefaultEvidence = new[] { new PathGlob("**/provenance/**"), new PathGlob("*.sigstore.json") };

    public ProvenanceSettings(string? trustedRootPath, IReadOnlyDictionary<string, string> keyPaths, IReadOnlyList<PathGlob> evidence, ProvenancePolicy? policy)
    {
        TrustedRootPath = trustedRootPath;
        KeyPaths = keyPaths;
        Evidence = evidence;
        Policy = policy;
    }

    /// <summary>Absolute path of the <c>trustedRoot</c> file; null means the public-good Sigstore root PolicyKit ships.</summary>
    public string? TrustedRootPath { get; }

    /// <summary>Named PEM public keys (absolute paths) for key-based bundles.</summary>
    public IReadOnlyDictionary<string, string> KeyPaths { get; }

    /// <summary>Files (relative to the policy file) that hold evidence, not manifests; any file name.</summary>
    public IReadOnlyList<PathGlob> Evidence { get; }

    /// <summary>The policy-wide requirements; null when only environments set them.</summary>
    public ProvenancePolicy? Policy { get; }
}
