using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Transparency;

/// <summary>
/// Verifies one transparency log entry offline: its body records this bundle, its inclusion proof reaches the root of
/// a checkpoint signed by the log, and its signed entry timestamp (Rekor v1 promise) is the log's signature.
/// </summary>
internal static class LogEntryVerifier
{
    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Rekor v2 entries carry no integrated time; their time comes from a timestamp authority.</summary>
    public static bool IsRekorV2(TransparencyLogEntry entry) =>
        entry.KindVersion == "0.0.2" && entry.Kind is "hashedrekord" or "dsse";

    /// <returns>The integrated time when a signed entry timestamp vouches for it; otherwise null.</returns>
    public static DateTimeOffset? Verify(TransparencyLogEntry entry, SignedMaterial material, TrustedRoot root, DateTimeOffset now, out TrustedLog log)
    {
        log = root.FindTransparencyLog(entry.LogKeyId)
            ?? throw new BundleVerificationException($"tlog entry {entry.LogIndex} is from a log the trusted root does not know (key id {Convert.ToBase64String(entry.LogKeyId)})");
        EntryBody.RequireMatches(entry, material);

        if (entry.InclusionProof is { } proof)
        {
            VerifyInclusion(entry, proof, log);
        }
        else if (IsRekorV2(entry))
        {
            throw new BundleVerificationException($"tlog entry {entry.LogIndex}: a Rekor v2 entry needs an inclusion proof");
        }

        if (entry.SignedEntryTimestamp is null)
        {
            return null;
        }

        var integrated = DateTimeOffset.FromUnixTimeSeconds(entry.IntegratedTime);
        VerifySignedEntryTimestamp(entry, log);
        if (integrated > now + AllowedClockSkew)
        {
            throw new BundleVerificationException($"tlog entry {entry.LogIndex}: integrated time {integrated:O} is in the future");
        }

        if (!log.Validity.Contains(integrated))
        {
            throw new BundleVerificationException($"tlog entry {entry.LogIndex}: integrated time {integrated:O} is outside the validity of {log.BaseUrl}'s key ({log.Validity})");
        }

        return integrated;
    }

    private static void VerifyInclusion(TransparencyLogEntry entry, InclusionProof proof, TrustedLog log)
    {
        var computed = MerkleInclusion.ComputeRoot(proof.LogIndex, proof.TreeSize, MerkleInclusion.LeafHash(entry.CanonicalizedBody), proof.Hashes);
        if (computed is null)
        {
            throw new BundleVerificationException($"inclusion proof of tlog entry {entry.LogIndex} does not fit index {proof.LogIndex} in a tree of size {proof.TreeSize}");
        }

        if (!computed.AsSpan().SequenceEqual(proof.RootHash))
        {
            throw new BundleVerificationException($"inclusion proof of tlog entry {entry.LogIndex} leads to root {Convert.ToBase64String(computed)}, not the proof's root {Convert.ToBase64String(proof.RootHash)}");
        }

        if (proof.Checkpoint is null)
        {
            return;
        }

        var checkpoint = Checkpoint.Parse(proof.Checkpoint);
        if (checkpoint.TreeSize != proof.TreeSize || !checkpoint.RootHash.AsSpan().SequenceEqual(proof.RootHash))
        {
            throw new BundleVerificationException($"checkpoint of tlog entry {entry.LogIndex} is for a tree of size {checkpoint.TreeSize} with another root than the inclusion proof's");
        }

        checkpoint.RequireSignedBy(log);
    }

    /// <summary>The SET signs the canonical JSON of body, integrated time, log id (hex) and log index.</summary>
    private static void VerifySignedEntryTimestamp(TransparencyLogEntry entry, TrustedLog log)
    {
        var payload = string.Create(CultureInfo.InvariantCulture, $"{{\"body\":\"{Convert.ToBase64String(entry.CanonicalizedBody)}\",\"integratedTime\":{entry.IntegratedTime},\"logID\":\"{Convert.ToHexStringLower(entry.LogKeyId)}\",\"logIndex\":{entry.LogIndex}}}");
        if (!log.Key.VerifyData(Encoding.UTF8.GetBytes(payload), entry.SignedEntryTimestamp, HashAlgorithmName.SHA256))
        {
            throw new BundleVerificationException($"signed entry timestamp of tlog entry {entry.LogIndex} does not verify with the key of {log.BaseUrl}");
        }
    }
}
