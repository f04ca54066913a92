using System;
using System.Text.Json.Nodes;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Tests.Infrastructure;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests;

/// <summary>
/// Bundles from the test Sigstore instance (Infrastructure/): every version, content type and log kind verifies, and
/// each verification step, broken alone, is rejected with its own reason.
/// </summary>
public sealed class SyntheticBundleTests : IClassFixture<TestSigstoreFixture>
{
    private readonly TestSigstoreFixture fixture;

    public SyntheticBundleTests(TestSigstoreFixture fixture) => this.fixture = fixture;

    private TestSigstore Sigstore => fixture.Sigstore;

    public static TheoryData<string, bool, string, bool, bool> Supported() => new()
    {
        { TestBundleSpec.V01, false, "hashedrekord", false, false },
        { TestBundleSpec.V02, false, "hashedrekord", false, false },
        { TestBundleSpec.V03, false, "hashedrekord", false, false },
        { TestBundleSpec.V03New, false, "hashedrekord", false, true },
        { TestBundleSpec.V02, true, "dsse", false, false },
        { TestBundleSpec.V03New, true, "dsse", false, false },
        { TestBundleSpec.V03New, true, "intoto", false, true },
        { TestBundleSpec.V03New, false, "hashedrekord", true, true },
        { TestBundleSpec.V03New, true, "dsse", true, true },
    };

    [Theory]
    [MemberData(nameof(Supported))]
    public void Bundle_of_every_supported_version_and_kind_verifies(string mediaType, bool dsse, string logKind, bool rekorV2, bool timestamp)
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { MediaType = mediaType, Dsse = dsse, LogKind = logKind, RekorV2 = rekorV2, Timestamp = timestamp });

        var verified = Verify(bundle);

        Assert.Equal("https://token.actions.githubusercontent.com", verified.Certificate!.OidcIssuer);
        Assert.Equal(rekorV2 ? 1 : timestamp ? 2 : 1, verified.SigningTimes.Count);
        Assert.Equal(dsse, verified.Statement is not null);
    }

    [Fact]
    public void Statement_of_a_verified_DSSE_bundle_carries_the_SLSA_predicate()
    {
        var verified = Verify(Sigstore.Sign(new TestBundleSpec { Dsse = true, LogKind = "dsse" }));

        Assert.Equal("https://slsa.dev/provenance/v1", verified.Statement!.PredicateType);
        Assert.Contains("https://github.com/actions/runner/github-hosted", verified.Statement.PredicateJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_based_bundle_verifies_with_its_key_and_without_a_signing_time()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { KeyBased = true });

        var verified = Verify(bundle, key: VerificationKey.FromSubjectPublicKeyInfo(bundle.SigningKeyDer, "key"));

        Assert.Null(verified.Certificate);
    }

    [Fact]
    public void Key_based_Rekor_v2_DSSE_bundle_verifies_with_its_key()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { KeyBased = true, Dsse = true, RekorV2 = true });

        var verified = Verify(bundle, key: VerificationKey.FromSubjectPublicKeyInfo(bundle.SigningKeyDer, "key"));

        Assert.NotNull(verified.Statement);
    }

    [Fact]
    public void Key_based_bundle_with_another_key_is_rejected() => AssertRejected(
        Sigstore.Sign(new TestBundleSpec { KeyBased = true }),
        "message signature does not verify",
        key: VerificationKey.FromSubjectPublicKeyInfo(Sigstore.Sign(new TestBundleSpec { KeyBased = true }).SigningKeyDer, "other key"));

    [Fact]
    public void Key_based_bundle_without_a_key_is_rejected() =>
        AssertRejected(Sigstore.Sign(new TestBundleSpec { KeyBased = true }), "verifying it needs that key");

    [Fact]
    public void Certificate_without_code_signing_usage_is_rejected() =>
        AssertRejected(Sigstore.Sign(new TestBundleSpec { Leaf = new LeafOptions(CodeSigning: false) }), "does not include code signing");

    [Fact]
    public void Certificate_without_an_SCT_is_rejected() =>
        AssertRejected(Sigstore.Sign(new TestBundleSpec { Leaf = new LeafOptions(EmbedSct: false) }), "no embedded signed certificate timestamp");

    [Fact]
    public void SCT_from_an_untrusted_CT_log_is_rejected()
    {
        using var rogue = new TestCtLog();
        AssertRejected(Sigstore.Sign(new TestBundleSpec { Leaf = new LeafOptions(SctSigner: rogue) }), "SCT from unknown CT log");
    }

    [Fact]
    public void SCT_whose_signature_does_not_verify_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        var root = Sigstore.TrustedRoot(r => r["ctlogs"]![0]!["publicKey"]!["rawBytes"] = Convert.ToBase64String(new TestCtLog().PublicKeyDer));

        AssertRejected(bundle, "SCT signature does not verify", root);
    }

    [Fact]
    public void Certificate_not_yet_valid_at_the_signing_time_is_rejected() =>
        AssertRejected(Sigstore.Sign(new TestBundleSpec { Leaf = new LeafOptions(ValidityOffset: TimeSpan.FromHours(1)) }), "the certificate was not valid at");

    [Fact]
    public void Certificate_authority_not_yet_trusted_at_the_signing_time_is_rejected()
    {
        var root = Sigstore.TrustedRoot(r => r["certificateAuthorities"]![0]!["validFor"]!["start"] = DateTimeOffset.UtcNow.ToString("O"));

        AssertRejected(Sigstore.Sign(new TestBundleSpec()), "was not a trusted authority at", root);
    }

    [Fact]
    public void Certificate_from_another_CA_is_rejected()
    {
        using var other = new TestSigstore();

        AssertRejected(other.Sign(new TestBundleSpec()), "does not chain to a trusted Fulcio CA", Sigstore.TrustedRoot(r => r["tlogs"] = OtherLogs(other)));
    }

    [Fact]
    public void Root_certificate_inside_the_bundle_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { MediaType = TestBundleSpec.V01 });
        bundle.Material["x509CertificateChain"]!["certificates"]!.AsArray().Add(new JsonObject { ["rawBytes"] = Convert.ToBase64String(Sigstore.Authority.Root.RawData) });

        AssertRejected(bundle, "certificates[2] is a self-signed root certificate");
    }

    [Fact]
    public void Tampered_signed_entry_timestamp_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        bundle.Entry["integratedTime"] = (long.Parse(bundle.Entry["integratedTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        AssertRejected(bundle, "signed entry timestamp of tlog entry");
    }

    [Fact]
    public void Integrated_time_in_the_future_is_rejected() =>
        AssertRejected(Sigstore.Sign(new TestBundleSpec { SigningTime = DateTimeOffset.UtcNow.AddDays(2) }), "is in the future");

    [Fact]
    public void Integrated_time_outside_the_log_key_validity_is_rejected()
    {
        var root = Sigstore.TrustedRoot(r => r["tlogs"]![0]!["publicKey"]!["validFor"]!["start"] = DateTimeOffset.UtcNow.ToString("O"));

        AssertRejected(Sigstore.Sign(new TestBundleSpec()), "outside the validity of https://rekor.policykit.test", root);
    }

    [Fact]
    public void Tampered_inclusion_proof_hash_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        bundle.Entry["inclusionProof"]!["hashes"]![0] = Convert.ToBase64String(new byte[32]);

        AssertRejected(bundle, "not the proof's root");
    }

    [Fact]
    public void Inclusion_proof_index_outside_the_tree_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        bundle.Entry["inclusionProof"]!["logIndex"] = "100000";

        AssertRejected(bundle, "does not fit index 100000");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Checkpoint_signed_by_another_key_is_rejected(bool rekorV2)
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { RekorV2 = rekorV2 });
        var log = rekorV2 ? Sigstore.RekorV2 : Sigstore.RekorV1;
        var impostor = new TestMerkleLog(log.Origin, rekorV2);
        bundle.Entry["inclusionProof"]!["checkpoint"]!["envelope"] = log.Checkpoint(
            int.Parse(bundle.Entry["inclusionProof"]!["treeSize"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), impostor.Sign);

        AssertRejected(bundle, "checkpoint signature does not verify");
    }

    [Fact]
    public void Checkpoint_for_another_tree_is_rejected()
    {
        var first = Sigstore.Sign(new TestBundleSpec());
        Sigstore.Sign(new TestBundleSpec());
        first.Entry["inclusionProof"]!["checkpoint"]!["envelope"] = Sigstore.RekorV1.Checkpoint(Sigstore.RekorV1.Size);

        AssertRejected(first, "with another root than the inclusion proof's");
    }

    [Fact]
    public void Log_entry_for_another_artifact_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        var other = Sigstore.Sign(new TestBundleSpec());
        bundle.Json["verificationMaterial"]!["tlogEntries"] = other.Material["tlogEntries"]!.DeepClone();

        AssertRejected(bundle, "tlog entry body: artifact digest does not match");
    }

    [Fact]
    public void Log_entry_of_unknown_log_is_rejected() =>
        AssertRejected(Sigstore.Sign(new TestBundleSpec()), "from a log the trusted root does not know", Sigstore.TrustedRoot(r => r["tlogs"] = new JsonArray()));

    [Fact]
    public void Bundle_without_log_entry_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        bundle.Material["tlogEntries"] = new JsonArray();

        AssertRejected(bundle, "bundle has no transparency log entry");
    }

    [Fact]
    public void Rekor_v2_entry_without_a_timestamp_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { RekorV2 = true });
        bundle.Material.Remove("timestampVerificationData");

        AssertRejected(bundle, "needs an RFC 3161 timestamp");
    }

    [Fact]
    public void Timestamp_from_an_untrusted_authority_is_rejected() =>
        AssertRejected(Sigstore.Sign(new TestBundleSpec { RekorV2 = true }), "is not a trusted timestamp authority", Sigstore.TrustedRoot(r => r["timestampAuthorities"] = new JsonArray()));

    [Fact]
    public void Timestamp_over_another_signature_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { RekorV2 = true });
        bundle.Material["timestampVerificationData"] = Sigstore.Sign(new TestBundleSpec { RekorV2 = true }).Material["timestampVerificationData"]!.DeepClone();

        AssertRejected(bundle, "RFC 3161 timestamp 0 does not verify");
    }

    [Fact]
    public void Message_signature_over_another_artifact_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        bundle.Json["messageSignature"]!["signature"] = Sigstore.Sign(new TestBundleSpec()).Json["messageSignature"]!["signature"]!.DeepClone();

        AssertRejected(bundle, "message signature does not verify");
    }

    [Fact]
    public void Artifact_other_than_the_bundles_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());

        var failure = Assert.Throws<BundleVerificationException>(() =>
            new BundleVerifier(fixture.Root).Verify(bundle.Parse(), Artifact.FromContent(new byte[] { 1, 2, 3 })));

        Assert.Contains("not the artifact's sha256:", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DSSE_statement_for_another_image_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { Dsse = true, LogKind = "dsse" });

        var failure = Assert.Throws<BundleVerificationException>(() =>
            new BundleVerifier(fixture.Root).Verify(bundle.Parse(), Artifact.FromDigest("sha256:" + new string('a', 64))!));

        Assert.Contains("in-toto statement has no subject with digest sha256:aaaa", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DSSE_envelope_with_two_signatures_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { Dsse = true, LogKind = "dsse" });
        var signatures = bundle.Json["dsseEnvelope"]!["signatures"]!.AsArray();
        signatures.Add(signatures[0]!.DeepClone());

        AssertRejected(bundle, "must have exactly one signature (found 2)");
    }

    [Fact]
    public void DSSE_payload_changed_after_signing_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec { Dsse = true, LogKind = "dsse" });
        bundle.Json["dsseEnvelope"]!["payloadType"] = "application/json";

        AssertRejected(bundle, "DSSE envelope signature does not verify");
    }

    [Theory]
    [InlineData("application/vnd.dev.sigstore.bundle+json;version=0.4", "is not a supported Sigstore bundle version")]
    [InlineData("application/json", "is not a supported Sigstore bundle version")]
    public void Unknown_media_type_is_rejected(string mediaType, string reason)
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        bundle.Json["mediaType"] = mediaType;

        AssertRejected(bundle, reason);
    }

    [Fact]
    public void Certificate_chain_in_a_v0_3_bundle_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        var certificate = bundle.Material["certificate"]!.DeepClone();
        bundle.Material.Remove("certificate");
        bundle.Material["x509CertificateChain"] = new JsonObject { ["certificates"] = new JsonArray(certificate) };

        AssertRejected(bundle, "is not allowed in a v0.3 bundle");
    }

    [Fact]
    public void V0_1_entry_without_inclusion_promise_is_rejected() =>
        AssertRejected(Sigstore.Sign(new TestBundleSpec { MediaType = TestBundleSpec.V01, Promise = false }), "must have an inclusion promise");

    [Fact]
    public void Negative_log_index_is_rejected()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        bundle.Entry["logIndex"] = "-3";

        AssertRejected(bundle, "logIndex is negative (-3)");
    }

    [Fact]
    public void Bad_base64_is_rejected_with_the_field()
    {
        var bundle = Sigstore.Sign(new TestBundleSpec());
        bundle.Entry["canonicalizedBody"] = "not base64!";

        AssertRejected(bundle, "tlogEntries[0].canonicalizedBody is not valid base64");
    }

    [Fact]
    public void Identity_other_than_the_signers_is_rejected()
    {
        var verified = Verify(Sigstore.Sign(new TestBundleSpec { Identity = "https://github.com/example/odoo-images/.github/workflows/nightly.yml@refs/heads/main" }));

        var failure = Assert.Throws<BundleVerificationException>(() =>
            CertificateIdentity.Exact("https://github.com/example/odoo-images/.github/workflows/release.yml@refs/heads/main", "https://token.actions.githubusercontent.com").Require(verified));

        Assert.Contains("nightly.yml", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Issuer_other_than_the_signers_is_rejected()
    {
        var verified = Verify(Sigstore.Sign(new TestBundleSpec { Identity = "release@example.com", OidcIssuer = "https://accounts.google.com" }));

        Assert.Contains("release@example.com", verified.Certificate!.Identities);
        Assert.False(CertificateIdentity.Exact("release@example.com", "https://github.com/login/oauth").Matches(verified));
        Assert.True(CertificateIdentity.Pattern(".*@example\\.com", "https://accounts.google.com").Matches(verified));
    }

    private static JsonArray OtherLogs(TestSigstore other) =>
        System.Text.Json.Nodes.JsonNode.Parse(other.TrustedRootJson())!["tlogs"]!.DeepClone().AsArray();

    private VerifiedBundle Verify(TestBundle bundle, TrustedRoot? root = null, VerificationKey? key = null) =>
        new BundleVerifier(root ?? fixture.Root).Verify(bundle.Parse(), bundle.Artifact, key);

    private void AssertRejected(TestBundle bundle, string reason, TrustedRoot? root = null, VerificationKey? key = null)
    {
        var failure = Assert.Throws<BundleVerificationException>(() => Verify(bundle, root, key));
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }
}
