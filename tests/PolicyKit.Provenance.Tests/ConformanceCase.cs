using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests;

/// <summary>
/// One directory of the sigstore-conformance bundle-verify suite (Fixtures/conformance, see its README): a bundle,
/// optional artifact, identity, issuer, key and trusted root; the name ends in "_fail" when verification must fail.
/// </summary>
internal sealed record ConformanceCase(string Name)
{
    private const string DefaultIdentity = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
    private const string DefaultIssuer = "https://token.actions.githubusercontent.com";

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Fixtures", "conformance");

    public string Directory => Path.Combine(Root, Name);

    public bool MustFail => Name.EndsWith("_fail", StringComparison.Ordinal);

    public static IEnumerable<object[]> All() =>
        System.IO.Directory.GetDirectories(Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(name => new object[] { name! });

    /// <summary>Verifies the case the way the conformance CLI protocol asks a client to; throws the reason on failure.</summary>
    public VerifiedBundle Verify()
    {
        var artifactPath = File.Exists(Path.Combine(Directory, "artifact")) ? Path.Combine(Directory, "artifact") : Path.Combine(Root, "a.txt");
        var rootPath = Path.Combine(Directory, "trusted_root.json");
        var root = File.Exists(rootPath) ? TrustedRootParser.Parse(File.ReadAllBytes(rootPath)) : TrustedRootParser.PublicGood;
        var bundle = BundleParser.Parse(File.ReadAllBytes(Path.Combine(Directory, "bundle.sigstore.json")));
        var verifier = new BundleVerifier(root);
        var artifact = Artifact.FromContent(File.ReadAllBytes(artifactPath));
        var keyPath = Path.Combine(Directory, "key.pub");
        if (File.Exists(keyPath))
        {
            return verifier.Verify(bundle, artifact, VerificationKey.FromPem(File.ReadAllText(keyPath), "key.pub"));
        }

        var verified = verifier.Verify(bundle, artifact);
        CertificateIdentity.Exact(Read("identity") ?? DefaultIdentity, Read("issuer") ?? DefaultIssuer).Require(verified);
        return verified;
    }

    private string? Read(string file)
    {
        var path = Path.Combine(Directory, file);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
