using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using PolicyKit.Provenance.Certificates;
using PolicyKit.Provenance.Crypto;

namespace PolicyKit.Provenance.Timestamps;

/// <summary>
/// The signed reference to the certificate a timestamp authority signs with: the first ESSCertID of a
/// SigningCertificate attribute (RFC 2634 §5.4, SHA-1) or ESSCertIDv2 of a SigningCertificateV2 attribute (RFC 5035,
/// SHA-256 by default), each with an optional issuer and serial number. RFC 3161 §2.4.1 makes one of them mandatory,
/// so a substituted signer certificate is caught even when its key would verify.
/// </summary>
internal sealed class SignerCertificateId
{
    public const string SigningCertificateOid = "1.2.840.113549.1.9.16.2.12";
    public const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    private static readonly Asn1Tag DirectoryNameTag = new(TagClass.ContextSpecific, 4, true);

    private readonly HashAlgorithmName hashAlgorithm;
    private readonly byte[] hash;
    private readonly byte[]? issuer;
    private readonly byte[]? serialNumber;

    private SignerCertificateId(HashAlgorithmName hashAlgorithm, byte[] hash, byte[]? issuer, byte[]? serialNumber)
    {
        this.hashAlgorithm = hashAlgorithm;
        this.hash = hash;
        this.issuer = issuer;
        this.serialNumber = serialNumber;
    }

    /// <summary>Reads the attribute value of <paramref name="attributeOid"/> (one of the two OIDs above).</summary>
    /// <exception cref="FormatException">Malformed, empty, or naming an unsupported digest.</exception>
    /// <exception cref="AsnContentException">Not DER.</exception>
    public static SignerCertificateId Read(string attributeOid, ReadOnlyMemory<byte> value)
    {
        var outer = new AsnReader(value, AsnEncodingRules.DER);
        var signingCertificate = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var certificates = signingCertificate.ReadSequence();
        if (!certificates.HasData)
        {
            throw new FormatException("signing-certificate attribute names no certificate");
        }

        // The first entry is the signer's certificate; later ones only constrain the chain (RFC 2634 §5.4).
        var id = certificates.ReadSequence();
        var algorithm = HashAlgorithmName.SHA1;
        if (attributeOid == SigningCertificateV2Oid)
        {
            algorithm = HashAlgorithmName.SHA256;
            if (id.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                var identifier = id.ReadSequence();
                var oid = identifier.ReadObjectIdentifier();
                if (identifier.HasData)
                {
                    identifier.ReadNull();
                }

                identifier.ThrowIfNotEmpty();
                algorithm = DigestAlgorithm.FromOid(oid) ?? throw new FormatException($"ESSCertIDv2 digest {oid} is not SHA-2");
            }
        }

        var hash = id.ReadOctetString();
        if (hash.Length != DigestAlgorithm.SizeOf(algorithm))
        {
            throw new FormatException("ESSCertID hash has the wrong length");
        }

        byte[]? issuer = null;
        byte[]? serialNumber = null;
        if (id.HasData)
        {
            // IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber INTEGER }; a certificate's issuer is one
            // directoryName, so anything else cannot name it.
            var issuerSerial = id.ReadSequence();
            var names = issuerSerial.ReadSequence();
            var name = names.ReadSequence(DirectoryNameTag);
            issuer = name.ReadEncodedValue().ToArray();
            name.ThrowIfNotEmpty();
            if (names.HasData)
            {
                throw new FormatException("ESSCertID issuer names more than one directory name");
            }

            serialNumber = issuerSerial.ReadIntegerBytes().ToArray();
            issuerSerial.ThrowIfNotEmpty();
        }

        id.ThrowIfNotEmpty();
        return new SignerCertificateId(algorithm, hash, issuer, serialNumber);
    }

    /// <summary>Whether <paramref name="certificate"/> is the one referenced: its hash, and its issuer and serial if given.</summary>
    public bool Matches(ParsedCertificate certificate) =>
        DigestAlgorithm.Hash(hashAlgorithm, certificate.Raw).AsSpan().SequenceEqual(hash)
        && (issuer is null || issuer.AsSpan().SequenceEqual(certificate.Issuer.Span))
        && (serialNumber is null || serialNumber.AsSpan().SequenceEqual(certificate.SerialNumber.Span));
}
