using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace PolicyKit.Provenance.Tests.Infrastructure;

/// <summary>
/// A throw-away RFC 3161 timestamp authority: a self-signed root and a timestamping leaf that sign TSTInfo tokens
/// (CMS SignedData with the ESS signing-certificate-v2 attribute) over the SHA-256 of the data given.
/// </summary>
internal sealed class TestTimestampAuthority : IDisposable
{
    private readonly ECDsa rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly ECDsa leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public TestTimestampAuthority(string name, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        var rootRequest = new CertificateRequest($"O=policykit.test, CN={name}-tsa-root", rootKey, HashAlgorithmName.SHA384);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Root = rootRequest.CreateSelfSigned(notBefore, notAfter);

        var leafRequest = new CertificateRequest($"O=policykit.test, CN={name}-tsa", leafKey, HashAlgorithmName.SHA384);
        leafRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        leafRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.8") }, true));
        using var leaf = leafRequest.Create(Root, notBefore, notAfter, PositiveSerial(12));
        Leaf = leaf.CopyWithPrivateKey(leafKey);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Leaf { get; }

    /// <summary>The timestamping leaf's private key.</summary>
    public ECDsa LeafKey => leafKey;

    /// <summary>A timestamp token (the CMS ContentInfo) stamping <paramref name="data"/> at <paramref name="time"/>.</summary>
    public byte[] Stamp(byte[] data, DateTimeOffset time)
    {
        var info = new Rfc3161TimestampTokenInfo(
            new Oid("1.3.6.1.4.1.57264.2"),
            new Oid("2.16.840.1.101.3.4.2.1"),
            SHA256.HashData(data),
            PositiveSerial(8),
            time);
        var content = new ContentInfo(new Oid("1.2.840.113549.1.9.16.1.4"), info.Encode());
        var cms = new SignedCms(content);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, Leaf)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new AsnEncodedData("1.2.840.113549.1.9.16.2.47", SigningCertificateV2()));
        cms.ComputeSignature(signer);
        return cms.Encode();
    }

    /// <summary>
    /// A random positive serial in minimal big-endian DER form: a leading zero byte would be padding that strict readers
    /// reject (one certificate in 256), and the TSTInfo writer refuses redundant leading bits.
    /// </summary>
    private static byte[] PositiveSerial(int length)
    {
        var serial = RandomNumberGenerator.GetBytes(length);
        serial[0] = (byte)((serial[0] & 0x7f) | 0x01);
        return serial;
    }

    public void Dispose()
    {
        Root.Dispose();
        Leaf.Dispose();
        rootKey.Dispose();
        leafKey.Dispose();
    }

    // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, ESSCertIDv2 with the default SHA-256.
    private byte[] SigningCertificateV2()
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(Leaf.RawData));
        }

        return writer.Encode();
    }
}
