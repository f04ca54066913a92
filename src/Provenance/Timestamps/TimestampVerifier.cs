using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using PolicyKit.Provenance.Certificates;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Timestamps;

/// <summary>
/// Verifies an RFC 3161 timestamp over a bundle's signature: the TSTInfo's imprint is the signature's hash; the
/// signer's signed attributes name the TSTInfo's content type and digest and reference the signer's certificate; the
/// signature over those attributes verifies with that certificate's key; the certificate is valid at the stamped time,
/// is for timestamping only, and chains to a timestamp authority of the trusted root valid at that time. A signer
/// certificate that is a trusted authority's own verifies with the key imported once with the trusted root.
/// </summary>
internal static class TimestampVerifier
{
    private const string TimeStampingOid = "1.3.6.1.5.5.7.3.8";
    private const string ExtendedKeyUsageOid = "2.5.29.37";

    public static DateTimeOffset Verify(byte[] encoded, byte[] signature, TrustedRoot root, int index)
    {
        var what = $"RFC 3161 timestamp {index}";
        TimestampToken token;
        try
        {
            token = TimestampToken.Read(TokenOf(encoded, what));
        }
        catch (Exception exception) when (exception is AsnContentException or FormatException)
        {
            throw new BundleVerificationException($"{what} cannot be decoded as an RFC 3161 timestamp token: {Reason(exception)}");
        }

        var time = token.Info.Time;
        if (!token.Info.Stamps(signature))
        {
            throw new BundleVerificationException($"{what} does not verify: its message imprint is not the {token.Info.ImprintAlgorithm.Name} of the bundle signature");
        }

        if (!DigestAlgorithm.Hash(token.DigestAlgorithm, token.Content).AsSpan().SequenceEqual(token.MessageDigest))
        {
            throw new BundleVerificationException($"{what} does not verify: its message-digest attribute is not the {token.DigestAlgorithm.Name} of its TSTInfo");
        }

        var signer = FindSigner(token, root, what);
        if (CertificatePath.FindIssuer(signer, root.TimestampAuthorities, new[] { time }, out var reason) is null)
        {
            throw new BundleVerificationException($"{what}: signer '{signer.SubjectText}' is not a trusted timestamp authority at {time:O}: {reason}");
        }

        return time;
    }

    /// <summary>
    /// The certificate that signed the token: the one it carries under its signer identifier, else a trusted
    /// authority's own certificate under that identifier (tokens may leave the certificate out).
    /// </summary>
    private static ParsedCertificate FindSigner(TimestampToken token, TrustedRoot root, string what)
    {
        foreach (var raw in token.Certificates)
        {
            var trusted = TrustedSignerCertificate(raw, root);
            var certificate = trusted?.Certificates[0] ?? ParsedCertificate.Read(raw, $"{what}: a certificate it carries");
            if (!token.IdentifiesSigner(certificate))
            {
                continue;
            }

            var key = trusted?.Keys[0] ?? CertificateSignature.PublicKeyOf(certificate, $"{what}: signer certificate");
            var problem = SignerProblem(token, certificate, key);
            return problem is null ? certificate : throw new BundleVerificationException($"{what} does not verify: {problem}");
        }

        var reason = "it carries no signer certificate and no trusted timestamp authority's certificate matches its signer identifier";
        foreach (var authority in root.TimestampAuthorities)
        {
            var certificate = authority.Certificates[0];
            if (token.IdentifiesSigner(certificate))
            {
                var problem = SignerProblem(token, certificate, authority.Keys[0]);
                if (problem is null)
                {
                    return certificate;
                }

                reason = problem;
            }
        }

        throw new BundleVerificationException($"{what} does not verify: {reason}");
    }

    /// <summary>The trusted authority whose own (first) certificate is <paramref name="raw"/>, if any.</summary>
    private static TrustedAuthority? TrustedSignerCertificate(byte[] raw, TrustedRoot root)
    {
        foreach (var authority in root.TimestampAuthorities)
        {
            if (authority.Certificates[0].Raw.AsSpan().SequenceEqual(raw))
            {
                return authority;
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="certificate"/> is not the token's valid signer, or null when it is.</summary>
    private static string? SignerProblem(TimestampToken token, ParsedCertificate certificate, VerificationKey key)
    {
        foreach (var id in token.SignerCertificateIds)
        {
            if (!id.Matches(certificate))
            {
                return $"its signing-certificate attribute does not reference the signer certificate '{certificate.SubjectText}'";
            }
        }

        var time = token.Info.Time;
        if (!certificate.IsValidAt(time))
        {
            return $"the signer certificate '{certificate.SubjectText}' was not valid at {time:O} (valid {certificate.NotBefore.UtcDateTime:O} to {certificate.NotAfter.UtcDateTime:O})";
        }

        if (!IsForTimestampingOnly(certificate))
        {
            return $"the signer certificate '{certificate.SubjectText}' lacks the critical extended key usage id-kp-timeStamping (RFC 3161 §2.3)";
        }

        return SignatureVerifies(token, key) ? null : $"its signature over the signed attributes does not verify with the key of '{certificate.SubjectText}'";
    }

    /// <summary>RFC 3161 §2.3: the extended key usage is present, critical, and includes id-kp-timeStamping.</summary>
    private static bool IsForTimestampingOnly(ParsedCertificate certificate)
    {
        if (certificate.Extension(ExtendedKeyUsageOid) is not { Critical: true } usage)
        {
            return false;
        }

        try
        {
            var outer = new AsnReader(usage.Value, AsnEncodingRules.DER);
            var usages = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var timestamping = false;
            while (usages.HasData)
            {
                timestamping |= usages.ReadObjectIdentifier() == TimeStampingOid;
            }

            return timestamping;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The signature over the signed attributes, with the signer's digest algorithm; a signature algorithm that names
    /// a digest must name that one, and must fit the key (ECDSA or RSA PKCS#1 v1.5).
    /// </summary>
    private static bool SignatureVerifies(TimestampToken token, VerificationKey key)
    {
        (bool Ecdsa, HashAlgorithmName? Digest)? algorithm = token.SignatureAlgorithm switch
        {
            "1.2.840.10045.2.1" => (true, null),
            "1.2.840.10045.4.3.2" => (true, HashAlgorithmName.SHA256),
            "1.2.840.10045.4.3.3" => (true, HashAlgorithmName.SHA384),
            "1.2.840.10045.4.3.4" => (true, HashAlgorithmName.SHA512),
            "1.2.840.113549.1.1.1" => (false, null),
            "1.2.840.113549.1.1.11" => (false, HashAlgorithmName.SHA256),
            "1.2.840.113549.1.1.12" => (false, HashAlgorithmName.SHA384),
            "1.2.840.113549.1.1.13" => (false, HashAlgorithmName.SHA512),
            _ => null,
        };
        if (algorithm is not { } known
            || (known.Digest is { } implied && implied != token.DigestAlgorithm)
            || (known.Ecdsa ? !key.IsEcdsa : !key.IsRsa))
        {
            return false;
        }

        foreach (var signed in token.SignedAttributeEncodings())
        {
            if (key.VerifyData(signed, token.Signature, token.DigestAlgorithm))
            {
                return true;
            }
        }

        return false;
    }

    private static string Reason(Exception exception) => exception is FormatException ? exception.Message : "not BER/DER";

    /// <summary>Bundles hold either a TimeStampResp (status + token) or the bare token (a CMS ContentInfo).</summary>
    private static ReadOnlyMemory<byte> TokenOf(byte[] encoded, string what)
    {
        try
        {
            var outer = new AsnReader(encoded, AsnEncodingRules.BER).ReadSequence();
            if (outer.PeekTag() == Asn1Tag.ObjectIdentifier)
            {
                return encoded;
            }

            var status = outer.ReadSequence();
            if (!status.TryReadInt32(out var granted) || granted is not (0 or 1))
            {
                throw new BundleVerificationException($"{what}: the timestamp authority did not grant it");
            }

            return outer.ReadEncodedValue();
        }
        catch (AsnContentException)
        {
            throw new BundleVerificationException($"{what} is not DER");
        }
    }
}
