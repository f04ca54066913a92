using System;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using BouncyInteger = Org.BouncyCastle.Math.BigInteger;

namespace PolicyKit.Provenance.Crypto;

/// <summary>
/// An ECDSA P-384 or P-521 public key verified with BouncyCastle's curve-specific arithmetic, which keeps the key's
/// precomputed multiples with the key. Trusted roots pin such keys (Fulcio's intermediate signs every leaf with
/// P-384); warm, a verification costs about half of OpenSSL 3.0's generic P-384 code, and importing the key into
/// OpenSSL (about 1 ms for P-384) is never needed. P-256 stays on the platform, whose P-256 is as fast.
/// </summary>
internal sealed class PrecomputedEcdsaKey
{
    private const string P384Oid = "1.3.132.0.34";
    private const string P521Oid = "1.3.132.0.35";

    private readonly ECPublicKeyParameters key;

    private PrecomputedEcdsaKey(ECPublicKeyParameters key, HashAlgorithmName defaultHash)
    {
        this.key = key;
        DefaultHash = defaultHash;
    }

    public HashAlgorithmName DefaultHash { get; }

    /// <summary>The key for a P-384/P-521 <paramref name="curveOid"/>; null for other curves.</summary>
    /// <exception cref="ArgumentException">The point is not on the curve (or is malformed).</exception>
    public static PrecomputedEcdsaKey? TryCreate(string curveOid, byte[] point)
    {
        var (name, hash) = curveOid switch
        {
            P384Oid => ("P-384", HashAlgorithmName.SHA384),
            P521Oid => ("P-521", HashAlgorithmName.SHA512),
            _ => (null, default(HashAlgorithmName)),
        };
        if (name is null)
        {
            return null;
        }

        X9ECParameters curve = CustomNamedCurves.GetByName(name);
        var domain = new ECDomainParameters(curve);

        // DecodePoint checks the encoding and that the point is on the curve; the constructor rejects infinity.
        return new PrecomputedEcdsaKey(new ECPublicKeyParameters(domain.ValidatePublicPoint(curve.Curve.DecodePoint(point)), domain), hash);
    }

    public bool VerifyData(ReadOnlySpan<byte> data, ReadOnlySpan<byte> derSignature, HashAlgorithmName hash)
    {
        Span<byte> digest = stackalloc byte[64];
        int written;
        if (hash == HashAlgorithmName.SHA256)
        {
            written = SHA256.HashData(data, digest);
        }
        else if (hash == HashAlgorithmName.SHA384)
        {
            written = SHA384.HashData(data, digest);
        }
        else if (hash == HashAlgorithmName.SHA512)
        {
            written = SHA512.HashData(data, digest);
        }
        else
        {
            return false;
        }

        return VerifyHash(digest.Slice(0, written), derSignature);
    }

    /// <summary>Verifies an ASN.1 DER <c>SEQUENCE { r INTEGER, s INTEGER }</c> signature over a digest.</summary>
    public bool VerifyHash(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> derSignature)
    {
        BigInteger r;
        BigInteger s;
        try
        {
            var reader = new AsnReader(derSignature.ToArray(), AsnEncodingRules.DER);
            var sequence = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            r = sequence.ReadInteger();
            s = sequence.ReadInteger();
            sequence.ThrowIfNotEmpty();
        }
        catch (AsnContentException)
        {
            return false;
        }

        if (r.Sign <= 0 || s.Sign <= 0)
        {
            return false;
        }

        // ECDsaSigner rejects r or s outside [1, n-1] and truncates a digest longer than the curve order.
        var signer = new ECDsaSigner();
        signer.Init(false, key);
        return signer.VerifySignature(digest.ToArray(), ToBouncy(r), ToBouncy(s));
    }

    private static BouncyInteger ToBouncy(BigInteger value) => new(1, value.ToByteArray(isUnsigned: true, isBigEndian: true));
}
