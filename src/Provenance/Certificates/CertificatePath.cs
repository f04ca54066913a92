using System;
using System.Collections.Generic;
using System.Security.Cryptography.X509Certificates;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Trust;

namespace PolicyKit.Provenance.Certificates;

/// <summary>
/// Finds the trusted authority whose chain issued a leaf, checking every signature, CA constraint and validity period
/// at each given time (the verified signing times), and the authority's own window at those times.
/// </summary>
internal static class CertificatePath
{
    /// <summary>Returns the authority that issued <paramref name="leaf"/>, or null with the reason each candidate failed.</summary>
    public static TrustedAuthority? FindIssuer(
        X509Certificate2 leaf,
        IReadOnlyList<TrustedAuthority> authorities,
        IReadOnlyList<DateTimeOffset> times,
        out string reason)
    {
        reason = authorities.Count == 0 ? "the trusted root has no such authority" : "no trusted authority issued it";
        foreach (var authority in authorities)
        {
            var first = authority.Chain[0];
            var leafIsFirst = first.RawDataMemory.Span.SequenceEqual(leaf.RawDataMemory.Span);
            if (!leafIsFirst && (!leaf.IssuerName.RawData.AsSpan().SequenceEqual(first.SubjectName.RawData) || !CertificateSignature.IsSignedBy(leaf, authority.Keys[0])))
            {
                continue;
            }

            var failure = CheckChain(authority, leaf, leafIsFirst, times);
            if (failure is null)
            {
                return authority;
            }

            reason = failure;
        }

        return null;
    }

    private static string? CheckChain(TrustedAuthority authority, X509Certificate2 leaf, bool leafIsFirst, IReadOnlyList<DateTimeOffset> times)
    {
        if (authority.ChainProblem is not null)
        {
            return authority.ChainProblem;
        }

        for (var i = leafIsFirst ? 1 : 0; i < authority.Chain.Count; i++)
        {
            if (authority.Chain[i].Extensions["2.5.29.19"] is not X509BasicConstraintsExtension { CertificateAuthority: true })
            {
                return $"certificate {i} of the trusted chain of {authority.Uri} is not a CA";
            }
        }

        foreach (var time in times)
        {
            if (!authority.Validity.Contains(time))
            {
                return $"{authority.Uri} was not a trusted authority at {time:O} (valid {authority.Validity})";
            }

            if (!IsValidAt(leaf, time))
            {
                return $"the certificate was not valid at {time:O} (valid {leaf.NotBefore.ToUniversalTime():O} to {leaf.NotAfter.ToUniversalTime():O})";
            }

            foreach (var certificate in authority.Chain)
            {
                if (!IsValidAt(certificate, time))
                {
                    return $"the issuing certificate '{certificate.Subject}' was not valid at {time:O}";
                }
            }
        }

        return null;
    }

    private static bool IsValidAt(X509Certificate2 certificate, DateTimeOffset time) =>
        time >= new DateTimeOffset(certificate.NotBefore.ToUniversalTime()) && time <= new DateTimeOffset(certificate.NotAfter.ToUniversalTime());
}
