using System;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Certificates;

/// <summary>
/// What a Fulcio leaf certificate says about its signer: the subject alternative names (URI, email, or Fulcio's
/// username other-name) and the OIDC issuer extension; and whether it may sign code.
/// </summary>
public sealed class SigningCertificate
{
    private const string CodeSigningOid = "1.3.6.1.5.5.7.3.3";
    private const string IssuerV2Oid = "1.3.6.1.4.1.57264.1.8";
    private const string IssuerV1Oid = "1.3.6.1.4.1.57264.1.1";
    private const string UsernameOtherNameOid = "1.3.6.1.4.1.57264.1.7";

    private SigningCertificate(X509Certificate2 certificate, IReadOnlyList<string> identities, string? oidcIssuer)
    {
        Certificate = certificate;
        Identities = identities;
        OidcIssuer = oidcIssuer;
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>Every subject alternative name the certificate binds (usually exactly one).</summary>
    public IReadOnlyList<string> Identities { get; }

    public string? OidcIssuer { get; }

    public static SigningCertificate Read(byte[] der)
    {
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(der);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            throw new BundleVerificationException("signing certificate is not a DER X.509 certificate");
        }

        var identities = new List<string>();
        string? issuer = null;
        try
        {
            foreach (var extension in certificate.Extensions)
            {
                switch (extension.Oid?.Value)
                {
                    case "2.5.29.17":
                        ReadAlternativeNames(extension.RawData, identities);
                        break;
                    case IssuerV2Oid:
                        issuer = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadCharacterString(UniversalTagNumber.UTF8String);
                        break;
                    case IssuerV1Oid:
                        issuer ??= Encoding.UTF8.GetString(extension.RawData);
                        break;
                }
            }
        }
        catch (AsnContentException)
        {
            throw new BundleVerificationException("signing certificate has a malformed identity extension");
        }

        return new SigningCertificate(certificate, identities, issuer);
    }

    /// <summary>Fails unless the key usage allows digital signatures and the extended key usage includes code signing.</summary>
    public void RequireCodeSigning()
    {
        if (Certificate.Extensions["2.5.29.15"] is X509KeyUsageExtension keyUsage
            && (keyUsage.KeyUsages & X509KeyUsageFlags.DigitalSignature) == 0)
        {
            throw new BundleVerificationException("signing certificate: key usage does not allow digital signatures");
        }

        if (Certificate.Extensions["2.5.29.37"] is not X509EnhancedKeyUsageExtension extendedUsage)
        {
            throw new BundleVerificationException("signing certificate has no extended key usage (code signing required)");
        }

        foreach (var usage in extendedUsage.EnhancedKeyUsages)
        {
            if (usage.Value == CodeSigningOid)
            {
                return;
            }
        }

        throw new BundleVerificationException("signing certificate's extended key usage does not include code signing");
    }

    private static void ReadAlternativeNames(byte[] der, List<string> identities)
    {
        var names = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.TagClass != TagClass.ContextSpecific)
            {
                names.ReadEncodedValue();
                continue;
            }

            switch (tag.TagValue)
            {
                case 1:
                case 6:
                    identities.Add(names.ReadCharacterString(UniversalTagNumber.IA5String, tag));
                    break;
                case 0:
                    var otherName = names.ReadSequence(tag);
                    var type = otherName.ReadObjectIdentifier();
                    var value = otherName.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true));
                    if (type == UsernameOtherNameOid)
                    {
                        identities.Add(value.ReadCharacterString(UniversalTagNumber.UTF8String));
                    }

                    break;
                default:
                    names.ReadEncodedValue();
                    break;
            }
        }
    }
}
