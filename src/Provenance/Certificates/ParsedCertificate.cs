using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Certificates;

/// <summary>
/// A DER X.509 certificate (RFC 5280 §4.1) read strictly with System.Formats.Asn1: the signed TBSCertificate and
/// the fields verification judges, all taken from inside it. Read once per certificate; loading it through the
/// platform instead costs about 0.15 ms per load on OpenSSL 3 (its decoders parse the public key every time), which
/// was a third of a bundle's verification.
/// </summary>
internal sealed class ParsedCertificate
{
    private const string BasicConstraintsOid = "2.5.29.19";
    private const int TwoDigitYearMax = 2049; // RFC 5280 §4.1.2.5.1: UTCTime YY < 50 is 20YY.

    private readonly Dictionary<string, CertificateExtension> extensions;

    private ParsedCertificate(
        byte[] raw,
        ReadOnlyMemory<byte> tbs,
        string signatureAlgorithm,
        byte[] signature,
        ReadOnlyMemory<byte> serialNumber,
        ReadOnlyMemory<byte> issuer,
        ReadOnlyMemory<byte> subject,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        byte[] subjectPublicKeyInfo,
        Dictionary<string, CertificateExtension> extensions)
    {
        Raw = raw;
        Tbs = tbs;
        SignatureAlgorithm = signatureAlgorithm;
        Signature = signature;
        SerialNumber = serialNumber;
        Issuer = issuer;
        Subject = subject;
        NotBefore = notBefore;
        NotAfter = notAfter;
        SubjectPublicKeyInfo = subjectPublicKeyInfo;
        this.extensions = extensions;
        IsCertificateAuthority = ReadIsCertificateAuthority(Extension(BasicConstraintsOid));
    }

    /// <summary>The whole certificate, DER.</summary>
    public byte[] Raw { get; }

    /// <summary>The encoded TBSCertificate: what the issuer signed.</summary>
    public ReadOnlyMemory<byte> Tbs { get; }

    public string SignatureAlgorithm { get; }

    public byte[] Signature { get; }

    /// <summary>The serial number's INTEGER content octets (big-endian, as encoded).</summary>
    public ReadOnlyMemory<byte> SerialNumber { get; }

    /// <summary>The encoded issuer Name.</summary>
    public ReadOnlyMemory<byte> Issuer { get; }

    /// <summary>The encoded subject Name.</summary>
    public ReadOnlyMemory<byte> Subject { get; }

    public DateTimeOffset NotBefore { get; }

    public DateTimeOffset NotAfter { get; }

    public byte[] SubjectPublicKeyInfo { get; }

    /// <summary>Whether basic constraints mark it a CA.</summary>
    public bool IsCertificateAuthority { get; }

    /// <summary>The subject as text, for messages.</summary>
    public string SubjectText => new X500DistinguishedName(Subject.Span).Name;

    public bool IsValidAt(DateTimeOffset time) => time >= NotBefore && time <= NotAfter;

    public bool SameAs(ParsedCertificate other) => Raw.AsSpan().SequenceEqual(other.Raw);

    public CertificateExtension? Extension(string oid) => extensions.TryGetValue(oid, out var extension) ? extension : null;

    /// <exception cref="BundleVerificationException">The bytes are not one DER X.509 v1–v3 certificate.</exception>
    public static ParsedCertificate Read(byte[] der, string what)
    {
        try
        {
            return ReadCertificate(der);
        }
        catch (Exception exception) when (exception is AsnContentException or ArgumentException or FormatException)
        {
            throw new BundleVerificationException($"{what} is not a DER X.509 certificate");
        }
    }

    private static ParsedCertificate ReadCertificate(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var certificate = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var tbsEncoded = certificate.ReadEncodedValue();
        var outerAlgorithm = certificate.ReadEncodedValue();
        var signatureAlgorithm = AlgorithmOid(outerAlgorithm);
        var signature = certificate.ReadBitString(out var unusedBits);
        certificate.ThrowIfNotEmpty();
        if (unusedBits != 0)
        {
            throw new FormatException("signature bit string");
        }

        var tbs = new AsnReader(tbsEncoded, AsnEncodingRules.DER).ReadSequence();
        var version = 0;
        var versionTag = new Asn1Tag(TagClass.ContextSpecific, 0, true);
        if (tbs.PeekTag() == versionTag)
        {
            var versionReader = tbs.ReadSequence(versionTag);
            if (!versionReader.TryReadInt32(out version) || version is < 0 or > 2)
            {
                throw new FormatException("version");
            }

            versionReader.ThrowIfNotEmpty();
        }

        var serialNumber = tbs.ReadIntegerBytes();
        var innerAlgorithm = tbs.ReadEncodedValue();
        if (!innerAlgorithm.Span.SequenceEqual(outerAlgorithm.Span))
        {
            // RFC 5280 §4.1.1.2: the signed algorithm must be the one the signature is read with.
            throw new FormatException("signature algorithm mismatch");
        }

        var issuer = ReadName(tbs);
        var validity = tbs.ReadSequence();
        var notBefore = ReadTime(validity);
        var notAfter = ReadTime(validity);
        validity.ThrowIfNotEmpty();
        var subject = ReadName(tbs);
        var subjectPublicKeyInfo = tbs.ReadEncodedValue();
        var spki = new AsnReader(subjectPublicKeyInfo, AsnEncodingRules.DER).ReadSequence();
        AlgorithmOid(spki.ReadEncodedValue());
        spki.ReadBitString(out _);
        spki.ThrowIfNotEmpty();

        var issuerUniqueId = new Asn1Tag(TagClass.ContextSpecific, 1);
        var subjectUniqueId = new Asn1Tag(TagClass.ContextSpecific, 2);
        var extensionsTag = new Asn1Tag(TagClass.ContextSpecific, 3, true);
        if (tbs.HasData && tbs.PeekTag() == issuerUniqueId)
        {
            tbs.ReadBitString(out _, issuerUniqueId);
        }

        if (tbs.HasData && tbs.PeekTag() == subjectUniqueId)
        {
            tbs.ReadBitString(out _, subjectUniqueId);
        }

        var extensions = new Dictionary<string, CertificateExtension>(StringComparer.Ordinal);
        if (tbs.HasData)
        {
            if (version != 2)
            {
                throw new FormatException("extensions in a certificate before v3");
            }

            var list = tbs.ReadSequence(extensionsTag).ReadSequence();
            while (list.HasData)
            {
                var extension = list.ReadSequence();
                var oid = extension.ReadObjectIdentifier();
                var critical = extension.HasData && extension.PeekTag() == Asn1Tag.Boolean && extension.ReadBoolean();
                var value = extension.ReadOctetString();
                extension.ThrowIfNotEmpty();

                // RFC 5280 §4.2: one instance of an extension at most; two SANs could name two signers.
                if (!extensions.TryAdd(oid, new CertificateExtension(oid, critical, value)))
                {
                    throw new FormatException("duplicate extension");
                }
            }
        }

        tbs.ThrowIfNotEmpty();
        return new ParsedCertificate(der, tbsEncoded, signatureAlgorithm, signature, serialNumber, issuer, subject, notBefore, notAfter, subjectPublicKeyInfo.ToArray(), extensions);
    }

    private static string AlgorithmOid(ReadOnlyMemory<byte> encoded)
    {
        var reader = new AsnReader(encoded, AsnEncodingRules.DER);
        var algorithm = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        var oid = algorithm.ReadObjectIdentifier();
        if (algorithm.HasData)
        {
            algorithm.ReadEncodedValue();
        }

        algorithm.ThrowIfNotEmpty();
        return oid;
    }

    /// <summary>A Name: SEQUENCE OF SET OF (type, value); returned encoded, for byte comparison.</summary>
    private static ReadOnlyMemory<byte> ReadName(AsnReader reader)
    {
        var encoded = reader.ReadEncodedValue();
        var name = new AsnReader(encoded, AsnEncodingRules.DER).ReadSequence();
        while (name.HasData)
        {
            var relative = name.ReadSetOf();
            while (relative.HasData)
            {
                var attribute = relative.ReadSequence();
                attribute.ReadObjectIdentifier();
                attribute.ReadEncodedValue();
                attribute.ThrowIfNotEmpty();
            }
        }

        return encoded;
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag() == Asn1Tag.UtcTime ? reader.ReadUtcTime(TwoDigitYearMax) : reader.ReadGeneralizedTime();

    private static bool ReadIsCertificateAuthority(CertificateExtension? basicConstraints)
    {
        if (basicConstraints is null)
        {
            return false;
        }

        var reader = new AsnReader(basicConstraints.Value, AsnEncodingRules.DER);
        var constraints = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        return constraints.HasData && constraints.PeekTag() == Asn1Tag.Boolean && constraints.ReadBoolean();
    }
}
