using System.Security.Cryptography;
using PolicyKit.Provenance.Certificates;

namespace PolicyKit.Provenance.Crypto;

/// <summary>
/// Checks that one certificate was signed by another's key, over the TBSCertificate read straight from the DER: no
/// platform chain engine, so the result does not depend on the machine's trust store or clock.
/// </summary>
internal static class CertificateSignature
{
    public static bool IsSignedBy(ParsedCertificate certificate, VerificationKey issuerKey)
    {
        var algorithm = certificate.SignatureAlgorithm;
        var hash = algorithm switch
        {
            "1.2.840.10045.4.3.2" or "1.2.840.113549.1.1.11" => HashAlgorithmName.SHA256,
            "1.2.840.10045.4.3.3" or "1.2.840.113549.1.1.12" => HashAlgorithmName.SHA384,
            "1.2.840.10045.4.3.4" or "1.2.840.113549.1.1.13" => HashAlgorithmName.SHA512,
            "1.3.101.112" => HashAlgorithmName.SHA512,
            _ => default,
        };
        return hash != default && issuerKey.IsEd25519 == (algorithm == "1.3.101.112") && issuerKey.VerifyData(certificate.Tbs.Span, certificate.Signature, hash);
    }

    public static VerificationKey PublicKeyOf(ParsedCertificate certificate, string what) =>
        VerificationKey.FromSubjectPublicKeyInfo(certificate.SubjectPublicKeyInfo, what);
}
