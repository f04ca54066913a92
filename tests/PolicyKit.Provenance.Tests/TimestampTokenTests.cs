using System;
using System.Formats.Asn1;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Tests.Infrastructure;
using PolicyKit.Provenance.Timestamps;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests;

/// <summary>
/// The RFC 3161 check on the real timestamp of the conformance suite's <c>rekor2-happy-path</c> bundle (Sigstore
/// staging TSA, P-384, certificate embedded, TimeStampResp form), and on negative fixtures made by editing that
/// token's bytes in the test: <see cref="DerNode"/> parses the DER into a tree, one field is changed, and every
/// enclosing length is written again, so each fixture differs from the real token in exactly the field named (plus,
/// where a test says so, the signed-attribute digest or signature an attacker could recompute). Each must be rejected
/// for its own reason.
/// </summary>
public sealed class TimestampTokenTests
{
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string ContentTypeOid = "1.2.840.113549.1.9.3";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    private static readonly string CaseDirectory = Path.Combine(ConformanceCase.Root, "rekor2-happy-path");

    private static readonly Lazy<(byte[] Token, byte[] Signature)> Real = new(() =>
    {
        var bundle = BundleParser.Parse(File.ReadAllBytes(Path.Combine(CaseDirectory, "bundle.sigstore.json")));
        return (bundle.Rfc3161Timestamps.Single(), ((MessageSignatureContent)bundle.Content).Signature);
    });

    private static readonly Lazy<TrustedRoot> StagingRoot = new(() => TrustedRootParser.Parse(File.ReadAllBytes(Path.Combine(CaseDirectory, "trusted_root.json"))));

    [Fact]
    public void Real_token_verifies_and_gives_its_stamped_time()
    {
        var time = TimestampVerifier.Verify(Real.Value.Token, Real.Value.Signature, StagingRoot.Value, 0);

        Assert.Equal(new DateTimeOffset(2025, 6, 12, 12, 2, 20, TimeSpan.Zero), time);
    }

    [Fact]
    public void Editing_tree_reproduces_the_real_token_byte_for_byte()
    {
        Assert.Equal(Real.Value.Token, new EditableToken().Bytes());
    }

    [Fact]
    public void Real_token_without_its_embedded_certificate_verifies_with_the_trusted_authoritys_certificate()
    {
        var token = new EditableToken();
        token.SignedData.Children!.RemoveAt(3);

        Assert.Equal(new DateTimeOffset(2025, 6, 12, 12, 2, 20, TimeSpan.Zero), Verify(token));
    }

    [Fact]
    public void Token_over_another_signature_is_rejected()
    {
        var otherSignature = (byte[])Real.Value.Signature.Clone();
        otherSignature[^1] ^= 1;

        var failure = Assert.Throws<BundleVerificationException>(() => TimestampVerifier.Verify(Real.Value.Token, otherSignature, StagingRoot.Value, 0));

        Assert.Contains("its message imprint is not the SHA256 of the bundle signature", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_message_imprint_is_rejected_even_with_the_message_digest_recomputed()
    {
        var token = new EditableToken();
        token.EditTstInfo(info => info[2][1].Content[0] ^= 1);
        token.RecomputeMessageDigest();

        AssertRejected(token, "its message imprint is not the SHA256 of the bundle signature");
    }

    [Fact]
    public void Tampered_tstinfo_is_rejected_by_the_message_digest()
    {
        var token = new EditableToken();
        token.EditTstInfo(info => info[4].Content = Encoding.ASCII.GetBytes("20250612120221Z"));

        AssertRejected(token, "its message-digest attribute is not the SHA256 of its TSTInfo");
    }

    [Fact]
    public void Tampered_tstinfo_with_its_digest_attribute_recomputed_is_rejected_by_the_signature()
    {
        var token = new EditableToken();
        token.EditTstInfo(info => info[4].Content = Encoding.ASCII.GetBytes("20250612120221Z"));
        token.RecomputeMessageDigest();

        AssertRejected(token, "its signature over the signed attributes does not verify with the key of 'CN=sigstore-tsa, O=sigstore.dev'");
    }

    [Fact]
    public void Bad_message_digest_attribute_is_rejected()
    {
        var token = new EditableToken();
        token.AttributeValue(MessageDigestOid).Content[5] ^= 1;

        AssertRejected(token, "its message-digest attribute is not the SHA256 of its TSTInfo");
    }

    [Fact]
    public void Content_type_attribute_other_than_tstinfo_is_rejected()
    {
        var token = new EditableToken();
        token.AttributeValue(ContentTypeOid).Content = ObjectIdentifierContent("1.2.840.113549.1.7.1");

        AssertRejected(token, "cannot be decoded as an RFC 3161 timestamp token: its content-type attribute is missing or is not TSTInfo");
    }

    [Fact]
    public void Signing_certificate_reference_to_another_certificate_is_rejected()
    {
        var token = new EditableToken();
        token.AttributeValue(SigningCertificateV2Oid)[0][0][0].Content[0] ^= 1;

        AssertRejected(token, "its signing-certificate attribute does not reference the signer certificate 'CN=sigstore-tsa, O=sigstore.dev'");
    }

    [Fact]
    public void Signature_by_another_key_is_rejected()
    {
        var token = new EditableToken();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        token.Resign(otherKey);

        AssertRejected(token, "its signature over the signed attributes does not verify with the key of 'CN=sigstore-tsa, O=sigstore.dev'");
    }

    [Fact]
    public void Consistent_token_from_a_timestamp_authority_outside_the_trusted_root_is_rejected()
    {
        using var other = new TestTimestampAuthority("forged", DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddYears(2));
        var token = new EditableToken();
        token.ReplaceSigner(other.Leaf.RawData);
        token.Resign(other.LeafKey);

        AssertRejected(token, "signer 'O=policykit.test, CN=forged-tsa' is not a trusted timestamp authority at 2025-06-12T12:02:20");
    }

    [Fact]
    public void Token_from_another_authority_that_leaves_its_certificate_out_is_rejected()
    {
        using var other = new TestTimestampAuthority("forged", DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddYears(2));
        var token = new EditableToken();
        token.ReplaceSigner(other.Leaf.RawData);
        token.Resign(other.LeafKey);
        token.SignedData.Children!.RemoveAt(3);

        AssertRejected(token, "it carries no signer certificate and no trusted timestamp authority's certificate matches its signer identifier");
    }

    [Fact]
    public void Signer_certificate_whose_timestamping_usage_is_not_critical_is_rejected()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var request = new CertificateRequest("O=policykit.test, CN=non-critical-tsa", key, HashAlgorithmName.SHA384);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.8") }, false));
        using var certificate = request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(key), DateTimeOffset.UtcNow.AddYears(-2), DateTimeOffset.UtcNow.AddYears(2), new byte[] { 0x01, 0x02, 0x03, 0x04 });
        var token = new EditableToken();
        token.ReplaceSigner(certificate.RawData);
        token.Resign(key);

        AssertRejected(token, "lacks the critical extended key usage id-kp-timeStamping");
    }

    [Fact]
    public void Stamped_time_after_the_authority_certificate_expired_is_rejected()
    {
        var token = new EditableToken();
        token.EditTstInfo(info => info[4].Content = Encoding.ASCII.GetBytes("20360101000000Z"));
        token.RecomputeMessageDigest();

        AssertRejected(token, "the signer certificate 'CN=sigstore-tsa, O=sigstore.dev' was not valid at 2036-01-01T00:00:00");
    }

    [Fact]
    public void Stamped_time_outside_the_trusted_roots_window_for_the_authority_is_rejected()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(CaseDirectory, "trusted_root.json")))!;
        json["timestampAuthorities"]![0]!["validFor"]!["end"] = "2025-06-01T00:00:00Z";
        var root = TrustedRootParser.Parse(Encoding.UTF8.GetBytes(json.ToJsonString()));

        var failure = Assert.Throws<BundleVerificationException>(() => TimestampVerifier.Verify(Real.Value.Token, Real.Value.Signature, root, 0));

        Assert.Contains("was not a trusted authority at 2025-06-12T12:02:20", failure.Message, StringComparison.Ordinal);
    }

    private static DateTimeOffset Verify(EditableToken token) => TimestampVerifier.Verify(token.Bytes(), Real.Value.Signature, StagingRoot.Value, 0);

    private static void AssertRejected(EditableToken token, string reason)
    {
        var failure = Assert.Throws<BundleVerificationException>(() => Verify(token));
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    private static byte[] ObjectIdentifierContent(string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return DerNode.Parse(writer.Encode()).Content;
    }

    /// <summary>The real token as a tree: TimeStampResp { status, ContentInfo { signedData, [0] SignedData } }.</summary>
    private sealed class EditableToken
    {
        private readonly DerNode response = DerNode.Parse(Real.Value.Token);

        /// <summary>SignedData: version, digestAlgorithms, encapContentInfo, [0] certificates, signerInfos.</summary>
        public DerNode SignedData => response[1][1][0];

        /// <summary>SignerInfo: version, sid, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature.</summary>
        private DerNode Signer => SignedData.Children![^1][0];

        private DerNode TstInfoOctets => SignedData[2][1][0];

        public byte[] Bytes() => response.Encode();

        /// <summary>Edits the TSTInfo: version, policy, messageImprint, serialNumber, genTime, accuracy, nonce, tsa.</summary>
        public void EditTstInfo(Action<DerNode> edit)
        {
            var info = DerNode.Parse(TstInfoOctets.Content);
            edit(info);
            TstInfoOctets.Content = info.Encode();
        }

        /// <summary>The single value of the signed attribute <paramref name="oid"/>.</summary>
        public DerNode AttributeValue(string oid) =>
            Signer[3].Children!.Single(attribute => AsnDecoder.ReadObjectIdentifier(attribute[0].Encode(), AsnEncodingRules.DER, out _) == oid)[1][0];

        public void RecomputeMessageDigest() => AttributeValue(MessageDigestOid).Content = SHA256.HashData(TstInfoOctets.Content);

        /// <summary>Signs the signed attributes (as a SET OF, RFC 5652 §5.4) with <paramref name="key"/>.</summary>
        public void Resign(ECDsa key)
        {
            var attributes = Signer[3].Encode();
            attributes[0] = 0x31;
            Signer[5].Content = key.SignData(attributes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }

        /// <summary>Makes <paramref name="certificate"/> the token's signer: carried, identified, and referenced by ESSCertIDv2.</summary>
        public void ReplaceSigner(byte[] certificate)
        {
            var tbs = DerNode.Parse(certificate)[0];
            var (serial, issuer) = (tbs[1].Content, tbs[3]);
            SignedData[3].Children!.Clear();
            SignedData[3].Children!.Add(DerNode.Parse(certificate));
            Signer[1].Children![0] = issuer;
            Signer[1][1].Content = serial;
            var id = AttributeValue(SigningCertificateV2Oid)[0][0];
            id[0].Content = SHA256.HashData(certificate);
            id[1][0][0].Children![0] = issuer;
            id[1][1].Content = serial;
        }
    }
}
