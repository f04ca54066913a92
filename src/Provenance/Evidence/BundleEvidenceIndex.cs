using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using PolicyKit.Policies.Provenance;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Evidence;

/// <summary>
/// The bundles committed in the checked tree, indexed by the digests they name (a message signature's digest, an
/// in-toto statement's subjects). Each digest is verified once, on first request, whatever number of manifests or
/// environments deploy it; the result is shared by the parallel file evaluations.
/// </summary>
public sealed class BundleEvidenceIndex : IImageEvidenceSource
{
    private readonly Dictionary<string, List<IndexedBundle>> byDigest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<ImageEvidence>> verdicts = new(StringComparer.Ordinal);
    private readonly BundleVerifier verifier;
    private readonly IReadOnlyList<KeyValuePair<string, VerificationKey>> keys;
    private int bundleVerifications;

    /// <param name="bundles">Evidence files: display path and content.</param>
    /// <param name="root">The trusted root bundles must chain to.</param>
    /// <param name="keys">The policy's named keys for key-based bundles.</param>
    /// <param name="clock">The current time (integrated times after it are rejected); default: the system clock.</param>
    public BundleEvidenceIndex(IEnumerable<KeyValuePair<string, byte[]>> bundles, TrustedRoot root, IReadOnlyList<KeyValuePair<string, VerificationKey>> keys, Func<DateTimeOffset>? clock = null)
    {
        verifier = new BundleVerifier(root, clock);
        this.keys = keys;
        foreach (var (path, content) in bundles)
        {
            SigstoreBundle? bundle = null;
            string? failure = null;
            try
            {
                bundle = BundleParser.Parse(content);
            }
            catch (BundleVerificationException exception)
            {
                failure = exception.Message;
            }

            foreach (var digest in NamedDigests(content))
            {
                if (!byDigest.TryGetValue(digest, out var list))
                {
                    byDigest[digest] = list = new List<IndexedBundle>();
                }

                list.Add(new IndexedBundle(path, bundle, failure));
            }
        }
    }

    /// <summary>The digests some bundle names, for reports and tests.</summary>
    public IReadOnlyCollection<string> Digests => byDigest.Keys;

    /// <summary>How many times a bundle has been verified so far (once per bundle naming a requested digest, per key tried).</summary>
    public int BundleVerifications => Volatile.Read(ref bundleVerifications);

    public ImageEvidence For(string digest) =>
        verdicts.GetOrAdd(digest, d => new Lazy<ImageEvidence>(() => Verify(d))).Value;

    private ImageEvidence Verify(string digest)
    {
        if (!byDigest.TryGetValue(digest, out var candidates) || Artifact.FromDigest(digest) is not { } artifact)
        {
            return ImageEvidence.None;
        }

        var verified = new List<VerifiedEvidence>();
        var failures = new List<EvidenceFailure>();
        foreach (var candidate in candidates.OrderBy(c => c.Path, StringComparer.Ordinal))
        {
            if (candidate.Bundle is null)
            {
                failures.Add(new EvidenceFailure(candidate.Path, candidate.ParseFailure!));
                continue;
            }

            try
            {
                verified.Add(VerifyOne(candidate, artifact));
            }
            catch (BundleVerificationException exception)
            {
                failures.Add(new EvidenceFailure(candidate.Path, exception.Message));
            }
        }

        return new ImageEvidence(verified, failures);
    }

    private VerifiedEvidence VerifyOne(IndexedBundle candidate, Artifact artifact)
    {
        var bundle = candidate.Bundle!;
        if (bundle.Material.LeafCertificate is not null)
        {
            Interlocked.Increment(ref bundleVerifications);
            var result = verifier.Verify(bundle, artifact);
            return new VerifiedEvidence(candidate.Path, result.Certificate!.Identities, result.Certificate.OidcIssuer, null, SlsaFacts.Read(result.Statement));
        }

        if (keys.Count == 0)
        {
            throw new BundleVerificationException("bundle is signed with a public key and the policy names no provenance.keys");
        }

        string? lastReason = null;
        foreach (var (name, key) in keys)
        {
            try
            {
                Interlocked.Increment(ref bundleVerifications);
                var result = verifier.Verify(bundle, artifact, key);
                return new VerifiedEvidence(candidate.Path, Array.Empty<string>(), null, name, SlsaFacts.Read(result.Statement));
            }
            catch (BundleVerificationException exception)
            {
                lastReason = exception.Message;
            }
        }

        throw new BundleVerificationException($"no key of provenance.keys verifies it ({lastReason})");
    }

    /// <summary>
    /// The digests a bundle claims to be about, read leniently so that a bundle that fails strict parsing is still
    /// reported against the image it names.
    /// </summary>
    private static IEnumerable<string> NamedDigests(byte[] content)
    {
        var digests = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.TryGetProperty("messageSignature", out var message) && message.TryGetProperty("messageDigest", out var messageDigest)
                && messageDigest.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String)
            {
                digests.Add("sha256:" + Convert.ToHexStringLower(Convert.FromBase64String(digest.GetString()!)));
            }

            if (root.TryGetProperty("dsseEnvelope", out var envelope) && envelope.TryGetProperty("payload", out var payload) && payload.ValueKind == JsonValueKind.String)
            {
                foreach (var subject in InTotoStatement.Parse(Convert.FromBase64String(payload.GetString()!)).SubjectSha256)
                {
                    digests.Add("sha256:" + subject);
                }
            }
        }
        catch (Exception exception) when (exception is JsonException or FormatException or BundleVerificationException or InvalidOperationException)
        {
            // A file that does not even name a digest cannot be matched to an image; the strict parser's reason is
            // reported only for bundles that name one.
        }

        return digests;
    }

    private sealed record IndexedBundle(string Path, SigstoreBundle? Bundle, string? ParseFailure);
}
