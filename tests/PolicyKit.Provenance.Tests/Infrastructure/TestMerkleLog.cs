using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace PolicyKit.Provenance.Tests.Infrastructure;

/// <summary>
/// A Rekor-like transparency log for tests: a real RFC 6962 Merkle tree over appended entry bodies, checkpoints as
/// signed notes, and signed entry timestamps. Rekor v1 logs sign with ECDSA P-256, Rekor v2 logs with Ed25519.
/// </summary>
internal sealed class TestMerkleLog
{
    private readonly List<byte[]> leaves = new();
    private readonly ECDsa? ecdsa;
    private readonly Ed25519PrivateKeyParameters? ed25519;

    public TestMerkleLog(string origin, bool rekorV2)
    {
        Origin = origin;
        IsRekorV2 = rekorV2;
        if (rekorV2)
        {
            ed25519 = new Ed25519PrivateKeyParameters(new Org.BouncyCastle.Security.SecureRandom());
            PublicKeyDer = Ed25519SubjectPublicKeyInfo(ed25519.GeneratePublicKey().GetEncoded());

            // C2SP signed-note key id: SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key); Rekor v2 publishes it as the log id.
            var keyIdInput = Encoding.UTF8.GetBytes(origin + "\n").Concat(new byte[] { 1 }).Concat(ed25519.GeneratePublicKey().GetEncoded()).ToArray();
            LogId = SHA256.HashData(keyIdInput);
        }
        else
        {
            ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            PublicKeyDer = ecdsa.ExportSubjectPublicKeyInfo();
            LogId = SHA256.HashData(PublicKeyDer);
        }

        // Earlier, unrelated entries, so that inclusion proofs have real audit paths.
        for (var i = 0; i < 6; i++)
        {
            leaves.Add(RandomNumberGenerator.GetBytes(40));
        }
    }

    public string Origin { get; }

    public bool IsRekorV2 { get; }

    public byte[] PublicKeyDer { get; }

    public byte[] LogId { get; }

    public string KeyDetails => IsRekorV2 ? "PKIX_ED25519" : "PKIX_ECDSA_P256_SHA_256";

    /// <summary>Appends a body and returns its index.</summary>
    public long Append(byte[] body)
    {
        leaves.Add(body);
        return leaves.Count - 1;
    }

    public int Size => leaves.Count;

    public byte[] Root(int size) => Hash(leaves.Take(size).Select(LeafHash).ToList());

    public List<byte[]> Proof(int index, int size) => Path(index, leaves.Take(size).Select(LeafHash).ToList());

    /// <summary>A signed-note checkpoint for the tree's current size.</summary>
    public string Checkpoint(int size, Func<byte[], byte[]>? signatureOverride = null)
    {
        var note = string.Create(CultureInfo.InvariantCulture, $"{Origin}\n{size}\n{Convert.ToBase64String(Root(size))}\n");
        var signature = (signatureOverride ?? Sign)(Encoding.UTF8.GetBytes(note));
        var line = Convert.ToBase64String(LogId.Take(4).Concat(signature).ToArray());
        return $"{note}\n\u2014 {Origin} {line}\n";
    }

    /// <summary>A Rekor v1 signed entry timestamp over the entry's canonical JSON.</summary>
    public byte[] SignedEntryTimestamp(byte[] body, long integratedTime, long logIndex)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{{\"body\":\"{Convert.ToBase64String(body)}\",\"integratedTime\":{integratedTime},\"logID\":\"{Convert.ToHexStringLower(LogId)}\",\"logIndex\":{logIndex}}}");
        return Sign(Encoding.UTF8.GetBytes(payload));
    }

    public byte[] Sign(byte[] data)
    {
        if (ecdsa is not null)
        {
            return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }

        var signature = new byte[Ed25519.SignatureSize];
        ed25519!.Sign(Ed25519.Algorithm.Ed25519, null, data, 0, data.Length, signature, 0);
        return signature;
    }

    private static byte[] Ed25519SubjectPublicKeyInfo(byte[] key) =>
        new byte[] { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 }.Concat(key).ToArray();

    private static byte[] LeafHash(byte[] leaf) => SHA256.HashData(new byte[] { 0 }.Concat(leaf).ToArray());

    private static byte[] NodeHash(byte[] left, byte[] right) => SHA256.HashData(new byte[] { 1 }.Concat(left).Concat(right).ToArray());

    private static int Split(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }

    // RFC 6962 §2.1 MTH and PATH, written from the definitions (recursive; test trees are small).
    private static byte[] Hash(List<byte[]> hashes)
    {
        if (hashes.Count == 1)
        {
            return hashes[0];
        }

        var k = Split(hashes.Count);
        return NodeHash(Hash(hashes.Take(k).ToList()), Hash(hashes.Skip(k).ToList()));
    }

    private static List<byte[]> Path(int m, List<byte[]> hashes)
    {
        if (hashes.Count == 1)
        {
            return new List<byte[]>();
        }

        var k = Split(hashes.Count);
        if (m < k)
        {
            var path = Path(m, hashes.Take(k).ToList());
            path.Add(Hash(hashes.Skip(k).ToList()));
            return path;
        }

        var right = Path(m - k, hashes.Skip(k).ToList());
        right.Add(Hash(hashes.Take(k).ToList()));
        return right;
    }
}
