using System;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// A PEM private key block (<c>-----BEGIN RSA PRIVATE KEY-----</c>, <c>OPENSSH</c>, <c>EC</c>, <c>ENCRYPTED</c>, PGP…),
/// also with its line breaks escaped as <c>\n</c> inside JSON. Certificates and public keys are never matched: their
/// headers do not say PRIVATE KEY, which is why CA bundles and <c>tls.crt</c> pass. A block needs a body of real base64
/// (at least 40 characters), so documentation that writes <c>-----BEGIN PRIVATE KEY-----…</c> is not reported.
/// </summary>
public sealed class PemPrivateKeyDetector : TokenDetector
{
    private static readonly Regex Header = TokenRegex.Create(@"-----BEGIN (?<label>[A-Z0-9]+(?: [A-Z0-9]+)*? )?PRIVATE KEY(?: BLOCK)?-----");

    public PemPrivateKeyDetector()
        : base("private-key", "a private key", new[] { "PRIVATE KEY" })
    {
    }

    public override bool TryFind(string text, int start, out TokenMatch match)
    {
        for (var header = Header.Match(text, start); header.Success; header = header.NextMatch())
        {
            var bodyStart = header.Index + header.Length;
            var footer = text.IndexOf("-----END ", bodyStart, StringComparison.Ordinal);
            var bodyEnd = footer < 0 ? text.Length : footer;
            if (CountBase64(text, bodyStart, bodyEnd) < 40)
            {
                continue;
            }

            var end = footer < 0 ? text.Length : EndOfFooter(text, footer);
            match = new TokenMatch(this, header.Index, end - header.Index);
            return true;
        }

        match = default;
        return false;
    }

    private static int CountBase64(string text, int start, int end)
    {
        var count = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')
            {
                count++;
            }
        }

        return count;
    }

    private static int EndOfFooter(string text, int footer)
    {
        var close = text.IndexOf("-----", footer + 9, StringComparison.Ordinal);
        return close < 0 ? text.Length : close + 5;
    }
}
