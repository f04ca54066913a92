using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PolicyKit.Provenance.Crypto;

/// <summary>
/// Checks that one certificate was signed by another's key, reading the TBSCertificate and signature straight from the
/// DER: no platform chain engine, so the result does not depend on the machine's trust store or clock.
/// </summary>
internal static class CertificateSignature
{
    public static bool IsSignedBy(X509Certificate2 certificate, VerificationKey issuerKey)
    {
        ReadOnlyMemory<byte> tbs;
        string algorithm;
        byte[] signature;
        try
        {
            var reader = new AsnReader(certificate.RawDataMemory, AsnEncodingRules.DER);
            var outer = reader.ReadSequence();
            tbs = outer.ReadEncodedValue();
            algorithm = outer.ReadSequence().ReadObjectIdentifier();
            signature = outer.ReadBitString(out _);
        }
        catch (AsnContentException)
        {
            return false;
        }

        var hash = algorithm switch
        {
            "1.2.840.10045.4.3.2" or "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256,
            "1.2.840.10045.4.3.3" or "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
            "1.2.840.10045.4.3.4" or "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
            "1.3.101.112" => HashAlgorithmName.SHA512,
            _ => default,
        };
        return hash != default && issuerKey.IsEd25519 == (algorithm == "1.3.101.112") && issuerKey.VerifyData(tbs.Span, signature, hash);
    }

    public static VerificationKey PublicKeyOf(X509Certificate2 certificate, string what) =>
        VerificationKey.FromSubjectPublicKeyInfo(certificate.PublicKey.ExportSubjectPublicKeyInfo(), what);
}
