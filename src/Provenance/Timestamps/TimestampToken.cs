using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Security.Cryptography;
using PolicyKit.Provenance.Certificates;
using PolicyKit.Provenance.Crypto;

namespace PolicyKit.Provenance.Timestamps;

/// <summary>
/// An RFC 3161 timestamp token read once with System.Formats.Asn1: a CMS ContentInfo holding SignedData (RFC 5652
/// §5) that encapsulates a TSTInfo, with exactly one signer whose signed attributes carry the content type, the
/// message digest of the TSTInfo and a signing-certificate reference (RFC 3161 §2.4.1). Reading checks the structure
/// only; <see cref="TimestampVerifier"/> judges digests, signature and signer.
/// </summary>
internal sealed class TimestampToken
{
    private const string SignedDataOid = "1.2.840.113549.1.7.2";
    private const string TstInfoOid = "1.2.840.113549.1.9.16.1.4";
    private const string ContentTypeOid = "1.2.840.113549.1.9.3";
    private const string MessageDigestOid = "1.2.840.113549.1.9.4";
    private const string SubjectKeyIdentifierOid = "2.5.29.14";

    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1, true);
    private static readonly Asn1Tag KeyIdentifierTag = new(TagClass.ContextSpecific, 0);

    private byte[]? sidIssuer;
    private byte[]? sidSerialNumber;
    private byte[]? sidKeyIdentifier;
    private byte[] signedAttributes = Array.Empty<byte>();
    private readonly List<ReadOnlyMemory<byte>> signedAttributeList = new();

    private TimestampToken()
    {
    }

    public TimestampInfo Info { get; private set; } = null!;

    /// <summary>The encapsulated content: the DER TSTInfo the message-digest attribute hashes.</summary>
    public byte[] Content { get; private set; } = Array.Empty<byte>();

    /// <summary>The certificates the token carries (plain X.509 ones; other CertificateChoices are skipped).</summary>
    public IReadOnlyList<byte[]> Certificates { get; private set; } = Array.Empty<byte[]>();

    /// <summary>The signer's digest algorithm: of the content and of the signed attributes.</summary>
    public HashAlgorithmName DigestAlgorithm { get; private set; }

    public string SignatureAlgorithm { get; private set; } = string.Empty;

    public byte[] Signature { get; private set; } = Array.Empty<byte>();

    /// <summary>The message-digest attribute's value.</summary>
    public byte[] MessageDigest { get; private set; } = Array.Empty<byte>();

    /// <summary>The signing-certificate (v1 and/or v2) references; at least one.</summary>
    public IReadOnlyList<SignerCertificateId> SignerCertificateIds { get; private set; } = Array.Empty<SignerCertificateId>();

    /// <summary>Reads a token (a ContentInfo).</summary>
    /// <exception cref="FormatException">Not a well-formed RFC 3161 token; the message says which part.</exception>
    /// <exception cref="AsnContentException">Not BER/DER.</exception>
    public static TimestampToken Read(ReadOnlyMemory<byte> encoded)
    {
        // CMS allows BER outside the signed attributes and the TSTInfo (which must be DER, and are read as such).
        var outer = new AsnReader(encoded, AsnEncodingRules.BER);
        var contentInfo = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        if (contentInfo.ReadObjectIdentifier() != SignedDataOid)
        {
            throw new FormatException("its content is not CMS SignedData");
        }

        var explicitContent = contentInfo.ReadSequence(Context0);
        contentInfo.ThrowIfNotEmpty();
        var signedData = explicitContent.ReadSequence();
        explicitContent.ThrowIfNotEmpty();

        var token = new TimestampToken();
        signedData.ReadIntegerBytes(); // version
        signedData.ReadSetOf(skipSortOrderValidation: true); // digestAlgorithms: the signer names its own
        var encapsulated = signedData.ReadSequence();
        if (encapsulated.ReadObjectIdentifier() != TstInfoOid)
        {
            throw new FormatException("its encapsulated content is not a TSTInfo");
        }

        if (!encapsulated.HasData)
        {
            throw new FormatException("it encapsulates no TSTInfo");
        }

        var eContent = encapsulated.ReadSequence(Context0);
        token.Content = eContent.ReadOctetString();
        eContent.ThrowIfNotEmpty();
        encapsulated.ThrowIfNotEmpty();

        var certificates = new List<byte[]>();
        if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Context0))
        {
            var set = signedData.ReadSetOf(skipSortOrderValidation: true, expectedTag: Context0);
            while (set.HasData)
            {
                var value = set.ReadEncodedValue();
                if (new AsnReader(value, AsnEncodingRules.BER).PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
                {
                    certificates.Add(value.ToArray());
                }
            }
        }

        token.Certificates = certificates;
        if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Context1))
        {
            signedData.ReadEncodedValue(); // revocation information: not used offline
        }

        var signerInfos = signedData.ReadSetOf(skipSortOrderValidation: true);
        signedData.ThrowIfNotEmpty();
        var signerInfo = signerInfos.ReadSequence();
        if (signerInfos.HasData)
        {
            throw new FormatException("it has more than one signer (RFC 3161 allows only the authority's)");
        }

        token.ReadSignerInfo(signerInfo);
        token.Info = TimestampInfo.Read(token.Content);
        return token;
    }

    /// <summary>Whether the token's signer identifier (issuer and serial, or subject key identifier) names <paramref name="certificate"/>.</summary>
    public bool IdentifiesSigner(ParsedCertificate certificate)
    {
        if (sidKeyIdentifier is not null)
        {
            if (certificate.Extension(SubjectKeyIdentifierOid) is not { } extension)
            {
                return false;
            }

            try
            {
                var reader = new AsnReader(extension.Value, AsnEncodingRules.DER);
                return reader.ReadOctetString().AsSpan().SequenceEqual(sidKeyIdentifier);
            }
            catch (AsnContentException)
            {
                return false;
            }
        }

        return sidIssuer.AsSpan().SequenceEqual(certificate.Issuer.Span) && sidSerialNumber.AsSpan().SequenceEqual(certificate.SerialNumber.Span);
    }

    /// <summary>
    /// The signed attributes as the signature covers them (RFC 5652 §5.4): their encoding with the SET OF tag in place
    /// of [0]. DER sorts the set; as OpenSSL and .NET do, the signer's own order is tried too when it is not sorted.
    /// </summary>
    public IEnumerable<byte[]> SignedAttributeEncodings()
    {
        yield return signedAttributes;
        if (SortedSignedAttributes() is { } sorted && !sorted.AsSpan().SequenceEqual(signedAttributes))
        {
            yield return sorted;
        }
    }

    private byte[]? SortedSignedAttributes()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        try
        {
            using (writer.PushSetOf())
            {
                foreach (var attribute in signedAttributeList)
                {
                    writer.WriteEncodedValue(attribute.Span);
                }
            }

            return writer.Encode();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private void ReadSignerInfo(AsnReader signerInfo)
    {
        signerInfo.ReadIntegerBytes(); // version: 1 for issuer and serial, 3 for a key identifier
        if (signerInfo.PeekTag().HasSameClassAndValue(KeyIdentifierTag))
        {
            sidKeyIdentifier = signerInfo.ReadOctetString(KeyIdentifierTag);
        }
        else
        {
            var issuerAndSerial = signerInfo.ReadSequence();
            sidIssuer = issuerAndSerial.ReadEncodedValue().ToArray();
            sidSerialNumber = issuerAndSerial.ReadIntegerBytes().ToArray();
            issuerAndSerial.ThrowIfNotEmpty();
        }

        var digestOid = ReadAlgorithm(signerInfo);
        DigestAlgorithm = Crypto.DigestAlgorithm.FromOid(digestOid) ?? throw new FormatException($"signer digest {digestOid} is not SHA-2");
        if (!signerInfo.HasData || !signerInfo.PeekTag().HasSameClassAndValue(Context0))
        {
            throw new FormatException("its signer has no signed attributes");
        }

        var encodedAttributes = signerInfo.ReadEncodedValue();
        ReadSignedAttributes(encodedAttributes);
        SignatureAlgorithm = ReadAlgorithm(signerInfo);
        Signature = signerInfo.ReadOctetString();
        if (signerInfo.HasData && signerInfo.PeekTag().HasSameClassAndValue(Context1))
        {
            signerInfo.ReadEncodedValue(); // unsigned attributes: not covered by the signature, not used
        }

        signerInfo.ThrowIfNotEmpty();
    }

    private void ReadSignedAttributes(ReadOnlyMemory<byte> encoded)
    {
        // RFC 5652 §5.3: signed attributes are DER even inside a BER SignedData, since the signature covers their DER.
        signedAttributes = encoded.ToArray();
        signedAttributes[0] = 0x31;
        var outer = new AsnReader(encoded, AsnEncodingRules.DER);
        var set = outer.ReadSetOf(skipSortOrderValidation: true, expectedTag: Context0);
        byte[]? contentType = null;
        byte[]? messageDigest = null;
        var ids = new List<SignerCertificateId>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (set.HasData)
        {
            var attribute = set.ReadEncodedValue();
            signedAttributeList.Add(attribute);
            var reader = new AsnReader(attribute, AsnEncodingRules.DER).ReadSequence();
            var oid = reader.ReadObjectIdentifier();
            var values = reader.ReadSetOf();
            reader.ThrowIfNotEmpty();
            if (oid is not (ContentTypeOid or MessageDigestOid or SignerCertificateId.SigningCertificateOid or SignerCertificateId.SigningCertificateV2Oid))
            {
                continue;
            }

            // RFC 5652 §11.1–11.2, RFC 2634 §5.4, RFC 5035: each of these once, with a single value.
            if (!seen.Add(oid))
            {
                throw new FormatException($"signed attribute {oid} occurs more than once");
            }

            var value = values.ReadEncodedValue();
            if (values.HasData)
            {
                throw new FormatException($"signed attribute {oid} has more than one value");
            }

            switch (oid)
            {
                case ContentTypeOid:
                    contentType = value.ToArray();
                    break;
                case MessageDigestOid:
                    messageDigest = new AsnReader(value, AsnEncodingRules.DER).ReadOctetString();
                    break;
                default:
                    ids.Add(SignerCertificateId.Read(oid, value));
                    break;
            }
        }

        outer.ThrowIfNotEmpty();
        if (contentType is null || new AsnReader(contentType, AsnEncodingRules.DER).ReadObjectIdentifier() != TstInfoOid)
        {
            throw new FormatException("its content-type attribute is missing or is not TSTInfo");
        }

        MessageDigest = messageDigest ?? throw new FormatException("it has no message-digest attribute");
        if (ids.Count == 0)
        {
            throw new FormatException("it has no signing-certificate attribute (RFC 3161 §2.4.1)");
        }

        SignerCertificateIds = ids;
    }

    private static string ReadAlgorithm(AsnReader reader)
    {
        var algorithm = reader.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        if (algorithm.HasData)
        {
            algorithm.ReadEncodedValue(); // parameters: NULL or absent for the algorithms accepted
        }

        algorithm.ThrowIfNotEmpty();
        return oid;
    }
}
