using System;
using System.Collections.Generic;
using PolicyKit.Provenance.Certificates;
using PolicyKit.Provenance.Crypto;

namespace PolicyKit.Provenance.Trust;

/// <summary>
/// A pinned Sigstore trust root (<c>dev.sigstore.trustroot.v1.TrustedRoot</c>): the Fulcio CAs, transparency logs,
/// CT logs and timestamp authorities a bundle may chain to, each with the window in which it may be used.
/// </summary>
public sealed class TrustedRoot
{
    public TrustedRoot(
        IReadOnlyList<TrustedLog> transparencyLogs,
        IReadOnlyList<TrustedLog> certificateTransparencyLogs,
        IReadOnlyList<TrustedAuthority> certificateAuthorities,
        IReadOnlyList<TrustedAuthority> timestampAuthorities)
    {
        TransparencyLogs = transparencyLogs;
        CertificateTransparencyLogs = certificateTransparencyLogs;
        CertificateAuthorities = certificateAuthorities;
        TimestampAuthorities = timestampAuthorities;
    }

    public IReadOnlyList<TrustedLog> TransparencyLogs { get; }

    public IReadOnlyList<TrustedLog> CertificateTransparencyLogs { get; }

    public IReadOnlyList<TrustedAuthority> CertificateAuthorities { get; }

    public IReadOnlyList<TrustedAuthority> TimestampAuthorities { get; }

    public TrustedLog? FindTransparencyLog(ReadOnlySpan<byte> keyId) => Find(TransparencyLogs, keyId);

    public TrustedLog? FindCertificateTransparencyLog(ReadOnlySpan<byte> keyId) => Find(CertificateTransparencyLogs, keyId);

    private static TrustedLog? Find(IReadOnlyList<TrustedLog> logs, ReadOnlySpan<byte> keyId)
    {
        foreach (var log in logs)
        {
            if (log.KeyId.AsSpan().SequenceEqual(keyId))
            {
                return log;
            }
        }

        return null;
    }
}

/// <summary>A transparency or CT log: its key, the id bundles name it by, and the key's validity window.</summary>
public sealed record TrustedLog(string BaseUrl, byte[] KeyId, VerificationKey Key, ValidityWindow Validity);

/// <summary>
/// A certificate or timestamp authority: its chain (leaf or intermediate first, root last) and validity window. Read
/// once with the trusted root: each certificate parsed, its public key imported, and the chain's own signatures
/// checked (<see cref="ChainProblem"/> says why they do not verify, or is null).
/// </summary>
public sealed class TrustedAuthority
{
    internal TrustedAuthority(string uri, IReadOnlyList<ParsedCertificate> certificates, IReadOnlyList<VerificationKey> keys, ValidityWindow validity, string? chainProblem)
    {
        Uri = uri;
        Certificates = certificates;
        Keys = keys;
        Validity = validity;
        ChainProblem = chainProblem;
    }

    public string Uri { get; }

    public ValidityWindow Validity { get; }

    public string? ChainProblem { get; }

    /// <summary>The same chain, parsed.</summary>
    internal IReadOnlyList<ParsedCertificate> Certificates { get; }

    /// <summary>Each chain certificate's public key.</summary>
    internal IReadOnlyList<VerificationKey> Keys { get; }
}
