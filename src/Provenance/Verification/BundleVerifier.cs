using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Certificates;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Timestamps;
using PolicyKit.Provenance.Transparency;
using PolicyKit.Provenance.Trust;

namespace PolicyKit.Provenance.Verification;

/// <summary>
/// Verifies a Sigstore bundle offline against an artifact and a pinned trusted root, following the Sigstore client
/// specification: content signature, transparency log entries, verified signing times, then the certificate path,
/// code-signing usage and embedded SCT at those times. Any failure throws <see cref="BundleVerificationException"/>
/// with the step and reason.
/// </summary>
public sealed class BundleVerifier
{
    private readonly TrustedRoot root;
    private readonly Func<DateTimeOffset> clock;

    public BundleVerifier(TrustedRoot root, Func<DateTimeOffset>? clock = null)
    {
        this.root = root;
        this.clock = clock ?? (() => DateTimeOffset.UtcNow);
    }

    /// <summary>Verifies a keyless (certificate) bundle, or a key-based one when <paramref name="key"/> is given.</summary>
    public VerifiedBundle Verify(SigstoreBundle bundle, Artifact artifact, VerificationKey? key = null)
    {
        SigningCertificate? certificate = null;
        VerificationKey signingKey;
        if (key is not null)
        {
            if (bundle.Material.LeafCertificate is not null)
            {
                throw new BundleVerificationException("bundle is signed with a certificate, not with the given key");
            }

            signingKey = key;
        }
        else
        {
            if (bundle.Material.LeafCertificate is null)
            {
                throw new BundleVerificationException("bundle is signed with a public key; verifying it needs that key");
            }

            certificate = SigningCertificate.Read(bundle.Material.LeafCertificate);
            signingKey = CertificateSignature.PublicKeyOf(certificate.Certificate, "signing certificate");
        }

        var (material, statement) = VerifyContent(bundle.Content, artifact, signingKey);
        var verifierDer = bundle.Material.LeafCertificate ?? signingKey.SubjectPublicKeyInfo;
        material = material with { VerifierDer = verifierDer };

        var times = VerifyLogAndTimes(bundle, material);
        if (certificate is not null)
        {
            if (times.Count == 0)
            {
                throw new BundleVerificationException("no verified signing time: the bundle has neither a signed entry timestamp nor a trusted RFC 3161 timestamp");
            }

            certificate.RequireCodeSigning();
            var authority = CertificatePath.FindIssuer(certificate.Certificate, root.CertificateAuthorities, times, out var reason)
                ?? throw new BundleVerificationException($"signing certificate does not chain to a trusted Fulcio CA: {reason}");
            SignedCertificateTimestamps.RequireOneVerified(certificate.Certificate, CertificatePath.IssuerOf(certificate.Certificate, authority), root);
        }

        return new VerifiedBundle(certificate, times, statement);
    }

    private static (SignedMaterial Material, InTotoStatement? Statement) VerifyContent(BundleContent content, Artifact artifact, VerificationKey key)
    {
        switch (content)
        {
            case MessageSignatureContent message:
                if (message.DigestAlgorithm != "SHA2_256")
                {
                    throw new BundleVerificationException($"message digest algorithm {message.DigestAlgorithm} is not supported (SHA2_256 only)");
                }

                if (message.Digest is not null && !message.Digest.AsSpan().SequenceEqual(artifact.Sha256))
                {
                    throw new BundleVerificationException($"bundle is for digest sha256:{Convert.ToHexStringLower(message.Digest)}, not the artifact's {artifact.DigestText}");
                }

                var verified = key.IsEd25519
                    ? artifact.Content is not null && key.VerifyData(artifact.Content, message.Signature, HashAlgorithmName.SHA256)
                    : key.VerifyHash(artifact.Sha256, message.Signature, HashAlgorithmName.SHA256)
                      || (artifact.Content is not null && key.VerifyData(artifact.Content, message.Signature, key.DefaultHash));
                if (!verified)
                {
                    throw new BundleVerificationException($"message signature does not verify over {artifact.DigestText} with the signing key");
                }

                return (new SignedMaterial(Array.Empty<byte>(), message.Signature, artifact.Sha256, null, artifact.Sha256), null);

            case DsseEnvelopeContent envelope:
                var pae = PreAuthenticationEncoding(envelope.PayloadType, envelope.Payload);
                if (!key.VerifyData(pae, envelope.Signature, key.DefaultHash))
                {
                    throw new BundleVerificationException("DSSE envelope signature does not verify with the signing key");
                }

                if (envelope.PayloadType != InTotoStatement.PayloadType)
                {
                    throw new BundleVerificationException($"DSSE payload type '{envelope.PayloadType}' is not an in-toto statement");
                }

                var statement = InTotoStatement.Parse(envelope.Payload);
                if (!statement.HasSubject(artifact.Sha256))
                {
                    throw new BundleVerificationException($"in-toto statement has no subject with digest {artifact.DigestText}");
                }

                return (new SignedMaterial(Array.Empty<byte>(), envelope.Signature, null, envelope.Payload, SHA256.HashData(pae)), statement);

            default:
                throw new BundleVerificationException("bundle content is neither a message signature nor a DSSE envelope");
        }
    }

    private List<DateTimeOffset> VerifyLogAndTimes(SigstoreBundle bundle, SignedMaterial material)
    {
        if (bundle.TlogEntries.Count == 0)
        {
            throw new BundleVerificationException("bundle has no transparency log entry");
        }

        var times = new List<DateTimeOffset>();
        var timestampTimes = new List<DateTimeOffset>();
        for (var i = 0; i < bundle.Rfc3161Timestamps.Count; i++)
        {
            timestampTimes.Add(TimestampVerifier.Verify(bundle.Rfc3161Timestamps[i], material.Signature, root, i));
        }

        var now = clock();
        foreach (var entry in bundle.TlogEntries)
        {
            var integrated = LogEntryVerifier.Verify(entry, material, root, now, out var log);
            if (integrated is { } time)
            {
                times.Add(time);
            }

            if (LogEntryVerifier.IsRekorV2(entry))
            {
                if (timestampTimes.Count == 0)
                {
                    throw new BundleVerificationException($"tlog entry {entry.LogIndex} is a Rekor v2 entry, which needs an RFC 3161 timestamp; the bundle has none");
                }

                foreach (var stamped in timestampTimes)
                {
                    if (!log.Validity.Contains(stamped))
                    {
                        throw new BundleVerificationException($"timestamp {stamped:O} is outside the validity of {log.BaseUrl}'s key ({log.Validity})");
                    }
                }
            }
        }

        times.AddRange(timestampTimes);
        return times;
    }

    /// <summary>DSSE v1 pre-authentication encoding: "DSSEv1 len(type) type len(body) body".</summary>
    internal static byte[] PreAuthenticationEncoding(string payloadType, byte[] payload)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.UTF8.GetBytes($"DSSEv1 {type.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} {payloadType} {payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)} ");
        var result = new byte[header.Length + payload.Length];
        header.CopyTo(result, 0);
        payload.CopyTo(result, header.Length);
        return result;
    }
}
