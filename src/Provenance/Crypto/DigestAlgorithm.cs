using System;
using System.Security.Cryptography;

namespace PolicyKit.Provenance.Crypto;

/// <summary>
/// The SHA-2 digests CMS and RFC 3161 name by OID (RFC 5754), and SHA-1 for the one place a standard fixes it
/// (RFC 2634's ESSCertID). Older or unknown digests are not accepted.
/// </summary>
internal static class DigestAlgorithm
{
    public const string Sha1Oid = "1.3.14.3.2.26";
    public const string Sha256Oid = "2.16.840.1.101.3.4.2.1";
    public const string Sha384Oid = "2.16.840.1.101.3.4.2.2";
    public const string Sha512Oid = "2.16.840.1.101.3.4.2.3";

    /// <summary>The SHA-2 digest named by <paramref name="oid"/>, or null.</summary>
    public static HashAlgorithmName? FromOid(string oid) => oid switch
    {
        Sha256Oid => HashAlgorithmName.SHA256,
        Sha384Oid => HashAlgorithmName.SHA384,
        Sha512Oid => HashAlgorithmName.SHA512,
        _ => null,
    };

    /// <summary>The digest's length in bytes.</summary>
    public static int SizeOf(HashAlgorithmName algorithm) =>
        algorithm == HashAlgorithmName.SHA512 ? 64 : algorithm == HashAlgorithmName.SHA384 ? 48 : algorithm == HashAlgorithmName.SHA1 ? 20 : 32;

    public static byte[] Hash(HashAlgorithmName algorithm, ReadOnlySpan<byte> data)
    {
        if (algorithm == HashAlgorithmName.SHA256)
        {
            return SHA256.HashData(data);
        }

        if (algorithm == HashAlgorithmName.SHA384)
        {
            return SHA384.HashData(data);
        }

        if (algorithm == HashAlgorithmName.SHA512)
        {
            return SHA512.HashData(data);
        }

        if (algorithm == HashAlgorithmName.SHA1)
        {
            return SHA1.HashData(data);
        }

        throw new ArgumentException($"unsupported digest {algorithm.Name}", nameof(algorithm));
    }
}
