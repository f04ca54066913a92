using System;
using System.Formats.Asn1;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Crypto;

/// <summary>
/// A public key from a SubjectPublicKeyInfo (ECDSA P-256/P-384/P-521, RSA, Ed25519) that verifies signatures in the
/// encodings Sigstore uses: ASN.1 DER for ECDSA, PKCS#1 v1.5 for RSA, raw 64 bytes for Ed25519.
/// </summary>
public sealed class VerificationKey
{
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string Ed25519Oid = "1.3.101.112";

    private readonly ECDsa? ecdsa;
    private readonly PrecomputedEcdsaKey? precomputedEcdsa;
    private readonly RSA? rsa;
    private readonly Ed25519PublicKeyParameters? ed25519;

    private VerificationKey(byte[] subjectPublicKeyInfo, ECDsa? ecdsa = null, PrecomputedEcdsaKey? precomputedEcdsa = null, RSA? rsa = null, Ed25519PublicKeyParameters? ed25519 = null)
    {
        SubjectPublicKeyInfo = subjectPublicKeyInfo;
        this.ecdsa = ecdsa;
        this.precomputedEcdsa = precomputedEcdsa;
        this.rsa = rsa;
        this.ed25519 = ed25519;
    }

    /// <summary>The DER SubjectPublicKeyInfo the key came from (Rekor and CT log ids are its SHA-256).</summary>
    public byte[] SubjectPublicKeyInfo { get; }

    public bool IsEd25519 => ed25519 is not null;

    internal bool IsEcdsa => ecdsa is not null || precomputedEcdsa is not null;

    internal bool IsRsa => rsa is not null;

    /// <summary>The hash a signature over a whole message uses with this key (by curve size for ECDSA).</summary>
    public HashAlgorithmName DefaultHash => precomputedEcdsa?.DefaultHash ?? ecdsa?.KeySize switch
    {
        384 => HashAlgorithmName.SHA384,
        521 => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    public static VerificationKey FromSubjectPublicKeyInfo(byte[] der, string what)
    {
        string algorithm;
        string? curve = null;
        byte[] keyBits;
        try
        {
            var reader = new AsnReader(der, AsnEncodingRules.DER);
            var spki = reader.ReadSequence();
            reader.ThrowIfNotEmpty();
            var algorithmIdentifier = spki.ReadSequence();
            algorithm = algorithmIdentifier.ReadObjectIdentifier();
            if (algorithm == EcPublicKeyOid && algorithmIdentifier.HasData && algorithmIdentifier.PeekTag() == Asn1Tag.ObjectIdentifier)
            {
                curve = algorithmIdentifier.ReadObjectIdentifier();
            }

            keyBits = spki.ReadBitString(out _);
        }
        catch (AsnContentException)
        {
            throw new BundleVerificationException($"{what} is not a DER SubjectPublicKeyInfo");
        }

        try
        {
            switch (algorithm)
            {
                case EcPublicKeyOid when curve is not null && PrecomputedEcdsaKey.TryCreate(curve, keyBits) is { } precomputed:
                    return new VerificationKey(der, precomputedEcdsa: precomputed);
                case EcPublicKeyOid:
                    var ec = ECDsa.Create();
                    ec.ImportSubjectPublicKeyInfo(der, out _);
                    return new VerificationKey(der, ecdsa: ec);
                case RsaOid:
                    var rsaKey = RSA.Create();
                    rsaKey.ImportSubjectPublicKeyInfo(der, out _);
                    return new VerificationKey(der, rsa: rsaKey);
                case Ed25519Oid when keyBits.Length == Ed25519PublicKeyParameters.KeySize:
                    return new VerificationKey(der, ed25519: new Ed25519PublicKeyParameters(keyBits));
                default:
                    throw new BundleVerificationException($"{what} uses an unsupported key algorithm ({algorithm})");
            }
        }
        catch (Exception exception) when (exception is CryptographicException or ArgumentException)
        {
            throw new BundleVerificationException($"{what} cannot be imported ({exception.Message})");
        }
    }

    /// <summary>An RSA key given as a bare PKCS#1 RSAPublicKey (trusted roots' PKCS1_RSA_* key details).</summary>
    public static VerificationKey FromPkcs1Rsa(byte[] der, string what)
    {
        try
        {
            var rsaKey = RSA.Create();
            rsaKey.ImportRSAPublicKey(der, out _);
            return new VerificationKey(rsaKey.ExportSubjectPublicKeyInfo(), rsa: rsaKey);
        }
        catch (CryptographicException exception)
        {
            throw new BundleVerificationException($"{what} is not a PKCS#1 RSA public key ({exception.Message})");
        }
    }

    /// <summary>Reads a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) file.</summary>
    public static VerificationKey FromPem(string pem, string what)
    {
        var fields = PemEncoding.TryFind(pem, out var found) ? found : throw new BundleVerificationException($"{what} is not a PEM file");
        var label = pem[fields.Label];
        if (label != "PUBLIC KEY")
        {
            throw new BundleVerificationException($"{what} holds a PEM '{label}', expected 'PUBLIC KEY'");
        }

        return FromSubjectPublicKeyInfo(Convert.FromBase64String(pem[fields.Base64Data]), what);
    }

    /// <summary>Verifies a signature over <paramref name="data"/> (hashed with <paramref name="hash"/> for ECDSA/RSA).</summary>
    public bool VerifyData(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, HashAlgorithmName hash)
    {
        if (ed25519 is not null)
        {
            if (signature.Length != Ed25519.SignatureSize)
            {
                return false;
            }

            return ed25519.Verify(Ed25519.Algorithm.Ed25519, null, data.ToArray(), 0, data.Length, signature.ToArray(), 0);
        }

        if (precomputedEcdsa is not null)
        {
            return precomputedEcdsa.VerifyData(data, signature, hash);
        }

        try
        {
            return ecdsa is not null
                ? ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence)
                : rsa!.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Verifies a signature over a precomputed digest (not possible for Ed25519, which signs whole messages).</summary>
    public bool VerifyHash(ReadOnlySpan<byte> digest, ReadOnlySpan<byte> signature, HashAlgorithmName hash)
    {
        if (precomputedEcdsa is not null)
        {
            return precomputedEcdsa.VerifyHash(digest, signature);
        }

        try
        {
            if (ecdsa is not null)
            {
                return ecdsa.VerifyHash(digest, signature, DSASignatureFormat.Rfc3279DerSequence);
            }

            return rsa is not null && rsa.VerifyHash(digest, signature, hash, RSASignaturePadding.Pkcs1);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
