using System;
using System.Globalization;
using System.Security.Cryptography;

namespace PolicyKit.Provenance.Verification;

/// <summary>
/// What a bundle is verified against: the artifact's SHA-256 digest (an image digest, or a file's hash) and, when the
/// artifact is a file, its bytes (Ed25519 and some ECDSA curves sign whole messages, not digests).
/// </summary>
public sealed record Artifact(byte[] Sha256, byte[]? Content)
{
    public string DigestText => "sha256:" + Convert.ToHexStringLower(Sha256);

    public static Artifact FromContent(byte[] content) => new(SHA256.HashData(content), content);

    /// <summary>Parses <c>sha256:HEX</c> (64 hex digits); null when the text is not such a digest.</summary>
    public static Artifact? FromDigest(string text)
    {
        const string Prefix = "sha256:";
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + 64)
        {
            return null;
        }

        var hex = text.Substring(Prefix.Length);
        foreach (var c in hex)
        {
            if (!Uri.IsHexDigit(c))
            {
                return null;
            }
        }

        return new Artifact(Convert.FromHexString(hex.ToLower(CultureInfo.InvariantCulture)), null);
    }
}
