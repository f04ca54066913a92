using System;
using System.Collections.Generic;
using System.Formats.Asn1;
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

    private const string KeyUsageOid = "2.5.29.15";
    private const string ExtendedKeyUsageOid = "2.5.29.37";
    private const string AlternativeNamesOid = "2.5.29.17";

    private SigningCertificate(ParsedCertificate certificate, IReadOnlyList<string> identities, string? oidcIssuer)
    {
        Certificate = certificate;
        Identities = identities;
        OidcIssuer = oidcIssuer;
    }

    /// <summary>Every subject alternative name the certificate binds (usually exactly one).</summary>
    public IReadOnlyList<string> Identities { get; }

    public string? OidcIssuer { get; }

    internal ParsedCertificate Certificate { get; }

    public static SigningCertificate Read(byte[] der)
    {
        var certificate = ParsedCertificate.Read(der, "signing certificate");
        var identities = new List<string>();
        string? issuer = null;
        try
        {
            if (certificate.Extension(AlternativeNamesOid) is { } alternativeNames)
            {
                ReadAlternativeNames(alternativeNames.Value, identities);
            }

            if (certificate.Extension(IssuerV2Oid) is { } issuerV2)
            {
                issuer = new AsnReader(issuerV2.Value, AsnEncodingRules.DER).ReadCharacterString(UniversalTagNumber.UTF8String);
            }
            else if (certificate.Extension(IssuerV1Oid) is { } issuerV1)
            {
                issuer = Encoding.UTF8.GetString(issuerV1.Value);
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
        try
        {
            if (Certificate.Extension(KeyUsageOid) is { } keyUsage)
            {
                // KeyUsage is a named BIT STRING; digitalSignature is bit 0, the first byte's high bit.
                var reader = new AsnReader(keyUsage.Value, AsnEncodingRules.DER);
                var bits = reader.ReadBitString(out _);
                reader.ThrowIfNotEmpty();
                if (bits.Length == 0 || (bits[0] & 0x80) == 0)
                {
                    throw new BundleVerificationException("signing certificate: key usage does not allow digital signatures");
                }
            }

            if (Certificate.Extension(ExtendedKeyUsageOid) is not { } extendedUsage)
            {
                throw new BundleVerificationException("signing certificate has no extended key usage (code signing required)");
            }

            var outer = new AsnReader(extendedUsage.Value, AsnEncodingRules.DER);
            var usages = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var codeSigning = false;
            while (usages.HasData)
            {
                codeSigning |= usages.ReadObjectIdentifier() == CodeSigningOid;
            }

            if (!codeSigning)
            {
                throw new BundleVerificationException("signing certificate's extended key usage does not include code signing");
            }
        }
        catch (AsnContentException)
        {
            throw new BundleVerificationException("signing certificate has a malformed key usage extension");
        }
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
