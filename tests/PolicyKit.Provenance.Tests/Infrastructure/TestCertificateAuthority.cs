using System;
using System.Buffers.Binary;
using System.Formats.Asn1;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PolicyKit.Provenance.Tests.Infrastructure;

/// <summary>What a test leaf certificate should (not) have, to break one certificate check at a time.</summary>
internal sealed record LeafOptions(
    bool CodeSigning = true,
    bool EmbedSct = true,
    TestCtLog? SctSigner = null,
    TimeSpan? ValidityOffset = null);

/// <summary>
/// A throw-away Fulcio-like CA (P-384 root and intermediate) that issues short-lived P-256 signing certificates with
/// the identity as a critical SAN, the OIDC issuer extension, code-signing EKU and an SCT from a test CT log.
/// </summary>
internal sealed class TestCertificateAuthority : IDisposable
{
    public const string OidcIssuerV2Oid = "1.3.6.1.4.1.57264.1.8";
    private const string SctListOid = "1.3.6.1.4.1.11129.2.4.2";

    /// <summary>
    /// A random serial whose DER encoding is minimal: a first byte of zero would be a padding byte that strict
    /// certificate readers (ours among them) reject, which made one certificate in 256 unreadable.
    /// </summary>
    private static byte[] PositiveSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7f) | 0x01);
        return serial;
    }

    private readonly ECDsa rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
    private readonly ECDsa intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);

    public TestCertificateAuthority(string name, DateTimeOffset notBefore, DateTimeOffset notAfter, TestCtLog ctLog)
    {
        CtLog = ctLog;
        var rootRequest = new CertificateRequest($"O=policykit.test, CN={name}-root", rootKey, HashAlgorithmName.SHA384);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        Root = rootRequest.CreateSelfSigned(notBefore, notAfter);

        var intermediateRequest = new CertificateRequest($"O=policykit.test, CN={name}-intermediate", intermediateKey, HashAlgorithmName.SHA384);
        intermediateRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        intermediateRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        intermediateRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(intermediateRequest.PublicKey, false));
        intermediateRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        using var intermediatePublic = intermediateRequest.Create(Root, notBefore, notAfter, PositiveSerial());
        Intermediate = intermediatePublic.CopyWithPrivateKey(intermediateKey);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public TestCtLog CtLog { get; }

    /// <summary>Issues a leaf for <paramref name="identity"/> valid ten minutes from <paramref name="issuedAt"/>.</summary>
    public X509Certificate2 IssueLeaf(ECDsa key, string identity, string oidcIssuer, DateTimeOffset issuedAt, LeafOptions? options = null)
    {
        options ??= new LeafOptions();
        var notBefore = issuedAt + (options.ValidityOffset ?? TimeSpan.Zero);
        var notAfter = notBefore + TimeSpan.FromMinutes(10);
        var serial = PositiveSerial();

        var request = LeafRequest(key, identity, oidcIssuer, options);
        using var precertificate = request.Create(Intermediate, notBefore, notAfter, serial);
        if (!options.EmbedSct)
        {
            return precertificate.CopyWithPrivateKey(key);
        }

        var tbs = new AsnReader(precertificate.RawData, AsnEncodingRules.DER).ReadSequence().ReadEncodedValue().ToArray();
        var sct = (options.SctSigner ?? CtLog).SignPrecertificate(tbs, Intermediate, issuedAt);
        var list = new byte[2 + 2 + sct.Length];
        BinaryPrimitives.WriteUInt16BigEndian(list, (ushort)(2 + sct.Length));
        BinaryPrimitives.WriteUInt16BigEndian(list.AsSpan(2), (ushort)sct.Length);
        sct.CopyTo(list, 4);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(list);

        var final = LeafRequest(key, identity, oidcIssuer, options);
        final.CertificateExtensions.Add(new X509Extension(SctListOid, writer.Encode(), false));
        using var leaf = final.Create(Intermediate, notBefore, notAfter, serial);
        return leaf.CopyWithPrivateKey(key);
    }

    public void Dispose()
    {
        Root.Dispose();
        Intermediate.Dispose();
        rootKey.Dispose();
        intermediateKey.Dispose();
    }

    private CertificateRequest LeafRequest(ECDsa key, string identity, string oidcIssuer, LeafOptions options)
    {
        var request = new CertificateRequest(new X500DistinguishedName(string.Empty), key, HashAlgorithmName.SHA384);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        var usage = options.CodeSigning ? "1.3.6.1.5.5.7.3.3" : "1.3.6.1.5.5.7.3.1";
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(usage) }, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Intermediate, true, false));
        var names = new SubjectAlternativeNameBuilder();
        if (identity.Contains('@', StringComparison.Ordinal) && !identity.Contains("://", StringComparison.Ordinal))
        {
            names.AddEmailAddress(identity);
        }
        else
        {
            names.AddUri(new Uri(identity));
        }

        request.CertificateExtensions.Add(names.Build(true));
        var issuer = new AsnWriter(AsnEncodingRules.DER);
        issuer.WriteCharacterString(UniversalTagNumber.UTF8String, oidcIssuer);
        request.CertificateExtensions.Add(new X509Extension(OidcIssuerV2Oid, issuer.Encode(), false));
        return request;
    }
}

/// <summary>A test certificate-transparency log: an ECDSA P-256 key that signs precertificate SCTs (RFC 6962 §3.2).</summary>
internal sealed class TestCtLog : IDisposable
{
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] PublicKeyDer => key.ExportSubjectPublicKeyInfo();

    public byte[] LogId => SHA256.HashData(PublicKeyDer);

    public byte[] SignPrecertificate(byte[] tbs, X509Certificate2 issuer, DateTimeOffset time)
    {
        var timestamp = (ulong)time.ToUnixTimeMilliseconds();
        var issuerKeyHash = SHA256.HashData(issuer.PublicKey.ExportSubjectPublicKeyInfo());
        var signed = new byte[] { 0, 0 }
            .Concat(BigEndian(timestamp, 8))
            .Concat(new byte[] { 0, 1 })
            .Concat(issuerKeyHash)
            .Concat(BigEndian((ulong)tbs.Length, 3))
            .Concat(tbs)
            .Concat(new byte[] { 0, 0 })
            .ToArray();
        var signature = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new byte[] { 0 }
            .Concat(LogId)
            .Concat(BigEndian(timestamp, 8))
            .Concat(new byte[] { 0, 0, 4, 3 })
            .Concat(BigEndian((ulong)signature.Length, 2))
            .Concat(signature)
            .ToArray();
    }

    public void Dispose() => key.Dispose();

    private static byte[] BigEndian(ulong value, int length)
    {
        var bytes = new byte[length];
        for (var i = length - 1; i >= 0; i--)
        {
            bytes[i] = (byte)value;
            value >>= 8;
        }

        return bytes;
    }
}
