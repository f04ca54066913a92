using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Formats.Asn1;
using System.Security.Cryptography;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Certificates;

/// <summary>
/// Verifies the signed certificate timestamps embedded in a Fulcio leaf (RFC 6962 §3.2): each SCT signs the
/// precertificate, i.e. the leaf's TBSCertificate without the SCT extension, bound to the issuer's key hash.
/// </summary>
internal static class SignedCertificateTimestamps
{
    private const string SctListOid = "1.3.6.1.4.1.11129.2.4.2";
    private const int LogIdLength = 32;

    /// <summary>Fails unless at least one embedded SCT verifies against a CT log key of the trusted root.</summary>
    public static void RequireOneVerified(ParsedCertificate leaf, ParsedCertificate issuer, TrustedRoot root)
    {
        var extension = leaf.Extension(SctListOid)
            ?? throw new BundleVerificationException("signing certificate has no embedded signed certificate timestamp");
        List<byte[]> scts;
        byte[] precertificate;
        try
        {
            var list = new AsnReader(extension.Value, AsnEncodingRules.DER).ReadOctetString();
            scts = SplitList(list);
            precertificate = TbsWithoutSctExtension(leaf.Raw);
        }
        catch (Exception exception) when (exception is AsnContentException or ArgumentOutOfRangeException or FormatException)
        {
            throw new BundleVerificationException("signing certificate's signed certificate timestamp list is malformed");
        }

        var issuerKeyHash = SHA256.HashData(issuer.SubjectPublicKeyInfo);
        var reasons = new List<string>();
        foreach (var sct in scts)
        {
            var reason = Verify(sct, precertificate, issuerKeyHash, root);
            if (reason is null)
            {
                return;
            }

            reasons.Add(reason);
        }

        throw new BundleVerificationException($"signed certificate timestamp does not verify: {string.Join("; ", reasons)}");
    }

    private static string? Verify(byte[] sct, byte[] precertificate, byte[] issuerKeyHash, TrustedRoot root)
    {
        if (sct.Length < 1 + LogIdLength + 8 + 2 || sct[0] != 0)
        {
            return "unsupported or truncated SCT";
        }

        var logId = sct.AsSpan(1, LogIdLength);
        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(sct.AsSpan(1 + LogIdLength, 8));
        var extensionsLength = BinaryPrimitives.ReadUInt16BigEndian(sct.AsSpan(1 + LogIdLength + 8, 2));
        var signatureStart = 1 + LogIdLength + 8 + 2 + extensionsLength;
        if (sct.Length < signatureStart + 4)
        {
            return "truncated SCT";
        }

        var extensions = sct.AsSpan(1 + LogIdLength + 8 + 2, extensionsLength);
        var signatureLength = BinaryPrimitives.ReadUInt16BigEndian(sct.AsSpan(signatureStart + 2, 2));
        if (sct.Length != signatureStart + 4 + signatureLength)
        {
            return "truncated SCT signature";
        }

        var log = root.FindCertificateTransparencyLog(logId);
        if (log is null)
        {
            return $"SCT from unknown CT log {Convert.ToBase64String(logId)}";
        }

        var time = DateTimeOffset.FromUnixTimeMilliseconds((long)timestamp);
        if (!log.Validity.Contains(time))
        {
            return $"SCT time {time:O} is outside the CT log key's validity ({log.Validity})";
        }

        var signed = new byte[1 + 1 + 8 + 2 + 32 + 3 + precertificate.Length + 2 + extensionsLength];
        var offset = 0;
        signed[offset++] = 0; // version v1
        signed[offset++] = 0; // signature type: certificate_timestamp
        BinaryPrimitives.WriteUInt64BigEndian(signed.AsSpan(offset, 8), timestamp);
        offset += 8;
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(offset, 2), 1); // entry type: precert_entry
        offset += 2;
        issuerKeyHash.CopyTo(signed, offset);
        offset += 32;
        signed[offset++] = (byte)(precertificate.Length >> 16);
        signed[offset++] = (byte)(precertificate.Length >> 8);
        signed[offset++] = (byte)precertificate.Length;
        precertificate.CopyTo(signed, offset);
        offset += precertificate.Length;
        BinaryPrimitives.WriteUInt16BigEndian(signed.AsSpan(offset, 2), extensionsLength);
        offset += 2;
        extensions.CopyTo(signed.AsSpan(offset));

        var signature = sct.AsSpan(signatureStart + 4, signatureLength);
        return log.Key.VerifyData(signed, signature, HashAlgorithmName.SHA256) ? null : $"SCT signature does not verify with CT log {log.BaseUrl}";
    }

    private static List<byte[]> SplitList(byte[] list)
    {
        var total = BinaryPrimitives.ReadUInt16BigEndian(list.AsSpan(0, 2));
        if (total != list.Length - 2)
        {
            throw new FormatException("SCT list length");
        }

        var result = new List<byte[]>();
        var offset = 2;
        while (offset < list.Length)
        {
            var length = BinaryPrimitives.ReadUInt16BigEndian(list.AsSpan(offset, 2));
            result.Add(list.AsSpan(offset + 2, length).ToArray());
            offset += 2 + length;
        }

        return result;
    }

    private static byte[] TbsWithoutSctExtension(byte[] certificate)
    {
        var tbs = new AsnReader(certificate, AsnEncodingRules.DER).ReadSequence().ReadSequence();
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            var extensionsTag = new Asn1Tag(TagClass.ContextSpecific, 3, true);
            while (tbs.HasData)
            {
                if (tbs.PeekTag() != extensionsTag)
                {
                    writer.WriteEncodedValue(tbs.ReadEncodedValue().Span);
                    continue;
                }

                var extensions = tbs.ReadSequence(extensionsTag).ReadSequence();
                using (writer.PushSequence(extensionsTag))
                using (writer.PushSequence())
                {
                    while (extensions.HasData)
                    {
                        var extension = extensions.ReadEncodedValue();
                        var oid = new AsnReader(extension, AsnEncodingRules.DER).ReadSequence().ReadObjectIdentifier();
                        if (oid != SctListOid)
                        {
                            writer.WriteEncodedValue(extension.Span);
                        }
                    }
                }
            }
        }

        return writer.Encode();
    }
}
