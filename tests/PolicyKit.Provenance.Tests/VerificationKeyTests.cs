using System;
using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests;

/// <summary>
/// P-384 and P-521 keys verify with BouncyCastle (precomputed multiples kept with the key), P-256 with the platform:
/// each must give the platform's verdict on valid, tampered and malformed signatures.
/// </summary>
public sealed class VerificationKeyTests
{
    private static readonly byte[] Message = System.Text.Encoding.UTF8.GetBytes("DSSEv1 28 application/vnd.in-toto+json 2 {}");

    public static TheoryData<string, HashAlgorithmName> Curves() => new()
    {
        { "nistP256", HashAlgorithmName.SHA256 },
        { "nistP384", HashAlgorithmName.SHA384 },
        { "nistP384", HashAlgorithmName.SHA256 },
        { "nistP521", HashAlgorithmName.SHA512 },
    };

    [Theory]
    [MemberData(nameof(Curves))]
    public void Ecdsa_verdicts_match_the_platform(string curveName, HashAlgorithmName hash)
    {
        using var signer = ECDsa.Create(ECCurve.CreateFromFriendlyName(curveName));
        using var other = ECDsa.Create(ECCurve.CreateFromFriendlyName(curveName));
        var key = VerificationKey.FromSubjectPublicKeyInfo(signer.ExportSubjectPublicKeyInfo(), "test key");
        var signature = signer.SignData(Message, hash, DSASignatureFormat.Rfc3279DerSequence);
        var tampered = (byte[])Message.Clone();
        tampered[^1] ^= 1;
        var (r, s) = Decode(signature);
        var order = Order(curveName);

        Assert.True(key.VerifyData(Message, signature, hash));
        Assert.True(key.VerifyHash(HashOf(Message, hash), signature, hash));
        Assert.False(key.VerifyData(tampered, signature, hash));
        Assert.False(key.VerifyData(Message, other.SignData(Message, hash, DSASignatureFormat.Rfc3279DerSequence), hash));
        Assert.False(key.VerifyData(Message, signer.SignData(Message, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation), hash));
        Assert.False(key.VerifyData(Message, [.. signature, 0], hash));
        var malleated = Encode(r, order - s); // ECDSA accepts (r, n - s) too: the verdict must be the platform's
        Assert.Equal(signer.VerifyData(Message, malleated, hash, DSASignatureFormat.Rfc3279DerSequence), key.VerifyData(Message, malleated, hash));
        Assert.False(key.VerifyData(Message, Encode(r + order, s), hash));
        Assert.False(key.VerifyData(Message, Encode(BigInteger.Zero, s), hash));
        Assert.False(key.VerifyData(Message, Encode(r, -s), hash));
    }

    [Fact]
    public void P384_point_off_the_curve_is_rejected_at_import()
    {
        using var signer = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var spki = signer.ExportSubjectPublicKeyInfo();
        spki[^1] ^= 1; // the last byte of the point's y coordinate

        var exception = Assert.Throws<BundleVerificationException>(() => VerificationKey.FromSubjectPublicKeyInfo(spki, "trusted key"));
        Assert.StartsWith("trusted key cannot be imported", exception.Message, StringComparison.Ordinal);
    }

    private static byte[] HashOf(byte[] data, HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA256 ? SHA256.HashData(data) : hash == HashAlgorithmName.SHA384 ? SHA384.HashData(data) : SHA512.HashData(data);

    private static BigInteger Order(string curveName)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromFriendlyName(curveName));
        return new BigInteger(key.ExportExplicitParameters(false).Curve.Order, isUnsigned: true, isBigEndian: true);
    }

    private static (BigInteger R, BigInteger S) Decode(byte[] signature)
    {
        var sequence = new AsnReader(signature, AsnEncodingRules.DER).ReadSequence();
        return (sequence.ReadInteger(), sequence.ReadInteger());
    }

    private static byte[] Encode(BigInteger r, BigInteger s)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(r);
            writer.WriteInteger(s);
        }

        return writer.Encode();
    }
}
