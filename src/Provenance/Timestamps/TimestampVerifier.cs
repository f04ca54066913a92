using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PolicyKit.Provenance.Certificates;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Timestamps;

/// <summary>
/// Verifies an RFC 3161 timestamp over a bundle's signature: the token's imprint is the signature's hash, its CMS
/// signature verifies, and its signer chains to a timestamp authority of the trusted root valid at the stamped time.
/// </summary>
internal static class TimestampVerifier
{
    public static DateTimeOffset Verify(byte[] encoded, byte[] signature, TrustedRoot root, int index)
    {
        var what = $"RFC 3161 timestamp {index}";
        if (!Rfc3161TimestampToken.TryDecode(TokenOf(encoded, what), out var token, out _))
        {
            throw new BundleVerificationException($"{what} cannot be decoded as an RFC 3161 timestamp token (CMS SignedData over a TSTInfo whose signer matches its signing-certificate attribute)");
        }

        var candidates = new X509Certificate2Collection();
        foreach (var authority in root.TimestampAuthorities)
        {
            candidates.Add(authority.Chain[0]);
        }

        X509Certificate2? signer;
        try
        {
            if (!token.VerifySignatureForData(signature, out signer, candidates) || signer is null)
            {
                throw new BundleVerificationException($"{what} does not verify: its imprint is not the bundle signature's hash, or its signature or signer is wrong");
            }
        }
        catch (CryptographicException exception)
        {
            throw new BundleVerificationException($"{what} does not verify ({exception.Message})");
        }

        var time = token.TokenInfo.Timestamp;
        if (CertificatePath.FindIssuer(ParsedCertificate.Read(signer.RawData, $"{what}: signer certificate"), root.TimestampAuthorities, new[] { time }, out var reason) is null)
        {
            throw new BundleVerificationException($"{what}: signer '{signer.Subject}' is not a trusted timestamp authority at {time:O}: {reason}");
        }

        return time;
    }

    /// <summary>Bundles hold either a TimeStampResp (status + token) or the bare token (a CMS ContentInfo).</summary>
    private static byte[] TokenOf(byte[] encoded, string what)
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

            return outer.ReadEncodedValue().ToArray();
        }
        catch (AsnContentException)
        {
            throw new BundleVerificationException($"{what} is not DER");
        }
    }
}
