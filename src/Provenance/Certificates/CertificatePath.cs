using System;
using System.Collections.Generic;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Trust;

namespace PolicyKit.Provenance.Certificates;

/// <summary>
/// Finds the trusted authority whose chain issued a leaf, checking every signature, CA constraint and validity period
/// at each given time (the verified signing times), and the authority's own window at those times. The chain's own
/// signatures and keys were checked and imported once, when the trusted root was read.
/// </summary>
internal static class CertificatePath
{
    /// <summary>Returns the authority that issued <paramref name="leaf"/>, or null with the reason each candidate failed.</summary>
    public static TrustedAuthority? FindIssuer(
        ParsedCertificate leaf,
        IReadOnlyList<TrustedAuthority> authorities,
        IReadOnlyList<DateTimeOffset> times,
        out string reason)
    {
        reason = authorities.Count == 0 ? "the trusted root has no such authority" : "no trusted authority issued it";
        foreach (var authority in authorities)
        {
            var first = authority.Certificates[0];
            var leafIsFirst = first.SameAs(leaf);
            if (!leafIsFirst && (!leaf.Issuer.Span.SequenceEqual(first.Subject.Span) || !CertificateSignature.IsSignedBy(leaf, authority.Keys[0])))
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

    /// <summary>The certificate of <paramref name="authority"/> that signed <paramref name="leaf"/>.</summary>
    public static ParsedCertificate IssuerOf(ParsedCertificate leaf, TrustedAuthority authority) =>
        authority.Certificates[0].SameAs(leaf) && authority.Certificates.Count > 1 ? authority.Certificates[1] : authority.Certificates[0];

    private static string? CheckChain(TrustedAuthority authority, ParsedCertificate leaf, bool leafIsFirst, IReadOnlyList<DateTimeOffset> times)
    {
        if (authority.ChainProblem is not null)
        {
            return authority.ChainProblem;
        }

        for (var i = leafIsFirst ? 1 : 0; i < authority.Certificates.Count; i++)
        {
            if (!authority.Certificates[i].IsCertificateAuthority)
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

            if (!leaf.IsValidAt(time))
            {
                return $"the certificate was not valid at {time:O} (valid {leaf.NotBefore.UtcDateTime:O} to {leaf.NotAfter.UtcDateTime:O})";
            }

            foreach (var certificate in authority.Certificates)
            {
                if (!certificate.IsValidAt(time))
                {
                    return $"the issuing certificate '{certificate.SubjectText}' was not valid at {time:O}";
                }
            }
        }

        return null;
    }
}
