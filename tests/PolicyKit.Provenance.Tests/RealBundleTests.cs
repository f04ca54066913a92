using System;
using System.IO;
using System.Linq;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests;

/// <summary>Real bundles published with sigstore-python (Fixtures/sigstore-python), one per bundle version and log kind.</summary>
public sealed class RealBundleTests
{
    private static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "Fixtures", "sigstore-python");

    private static readonly Lazy<TrustedRoot> StagingFixtureRoot =
        new(() => TrustedRootParser.Parse(File.ReadAllBytes(Path.Combine(Directory, "staging_trusted_root.json"))));

    [Fact]
    public void Public_good_v0_2_bundle_from_GitHub_Actions_verifies_against_the_shipped_default_root()
    {
        var verified = Verify("bundle_v3_github.whl", "bundle_v3_github.whl.sigstore", TrustedRootParser.PublicGood, BundleVersion.V02);

        Assert.Equal("https://token.actions.githubusercontent.com", verified.Certificate!.OidcIssuer);
        Assert.Contains(verified.Certificate.Identities, i => i.StartsWith("https://github.com/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bundle.txt", "bundle.txt.sigstore", BundleVersion.V01)]
    [InlineData("bundle_v3.txt", "bundle_v3.txt.sigstore", BundleVersion.V03)]
    [InlineData("staging-rekor-v2.txt", "staging-rekor-v2.txt.sigstore.json", BundleVersion.V03)]
    [InlineData("../conformance/a.txt", "a.dsse.staging-rekor-v2.txt.sigstore.json", BundleVersion.V03)]
    public void Staging_bundle_verifies_against_the_staging_root(string artifact, string bundle, BundleVersion version)
    {
        var verified = Verify(artifact, bundle, StagingFixtureRoot.Value, version);

        Assert.NotEmpty(verified.Certificate!.Identities);
        Assert.NotEmpty(verified.SigningTimes);
    }

    [Fact]
    public void Staging_bundle_does_not_verify_against_the_public_good_root()
    {
        var failure = Assert.Throws<BundleVerificationException>(() =>
            Verify("bundle_v3.txt", "bundle_v3.txt.sigstore", TrustedRootParser.PublicGood, BundleVersion.V03));

        Assert.Contains("from a log the trusted root does not know", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_staging_root_is_the_one_the_staging_bundles_chain_to()
    {
        var verified = Verify("bundle_v3.txt", "bundle_v3.txt.sigstore", TrustedRootParser.Staging, BundleVersion.V03);

        Assert.Single(verified.SigningTimes);
    }

    [Fact]
    public void Signer_identity_other_than_the_certificates_is_rejected_with_the_actual_identity()
    {
        var verified = Verify("bundle_v3_github.whl", "bundle_v3_github.whl.sigstore", TrustedRootParser.PublicGood, BundleVersion.V02);
        var actual = verified.Certificate!.Identities.Single();

        var failure = Assert.Throws<BundleVerificationException>(() =>
            CertificateIdentity.Exact("https://github.com/someone/else/.github/workflows/release.yml@refs/heads/main", "https://token.actions.githubusercontent.com").Require(verified));

        Assert.Contains(actual, failure.Message, StringComparison.Ordinal);
        CertificateIdentity.Pattern("https://github\\.com/.+", "https://token.actions.githubusercontent.com").Require(verified);
    }

    private static VerifiedBundle Verify(string artifact, string bundle, TrustedRoot root, BundleVersion expectedVersion)
    {
        var parsed = BundleParser.Parse(File.ReadAllBytes(Path.Combine(Directory, bundle)));
        Assert.Equal(expectedVersion, parsed.Version);
        return new BundleVerifier(root).Verify(parsed, Artifact.FromContent(File.ReadAllBytes(Path.Combine(Directory, artifact))));
    }
}
