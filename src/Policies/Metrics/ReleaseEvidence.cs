using System.Collections.Generic;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Provenance;

namespace PolicyKit.Policies.Metrics;

/// <summary>
/// Takes a release's evidence files (the policy's <c>provenance.evidence</c> globs) out of its discovered sources and
/// verifies them: the engine holds no cryptography, so a door that can verify Sigstore bundles supplies this.
/// Called only for releases whose policy has a <c>provenance</c> section.
/// </summary>
/// <param name="sources">The release's discovered sources.</param>
/// <param name="config">The release's own policy.</param>
/// <param name="root">The folder the release's tree is written to.</param>
/// <exception cref="Rules.PolicyDefinitionException">The trusted root or a key the policy names cannot be used.</exception>
public delegate (IReadOnlyList<ManifestSource> Manifests, IImageEvidenceSource Evidence) ReleaseEvidence(IReadOnlyList<ManifestSource> sources, PolicyConfig config, string root);
