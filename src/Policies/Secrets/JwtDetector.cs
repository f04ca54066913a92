using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// A JSON Web Token: three base64url parts whose header decodes to a JSON object naming its algorithm
/// (<c>{"alg":…</c>). Bearer tokens, service-account tokens and API keys issued as JWTs all grant access as long as
/// they are valid.
/// </summary>
public sealed class JwtDetector : TokenDetector
{
    private static readonly Regex Pattern = TokenRegex.Create(
        @"(?<![A-Za-z0-9_-])(?<header>eyJ[A-Za-z0-9_-]{8,2048})\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{16,2048}(?![A-Za-z0-9_-])");

    public JwtDetector()
        : base("jwt", "a JSON Web Token", new[] { "eyJ" })
    {
    }

    public override bool TryFind(string text, int start, out TokenMatch match)
    {
        for (var found = Pattern.Match(text, start); found.Success; found = found.NextMatch())
        {
            if (HeaderNamesAlgorithm(found.Groups["header"].Value))
            {
                match = new TokenMatch(this, found.Index, found.Length);
                return true;
            }
        }

        match = default;
        return false;
    }

    private static bool HeaderNamesAlgorithm(string header)
    {
        var base64 = header.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        if (!Base64Text.TryDecode(base64, out var bytes) || !Base64Text.TryGetText(bytes, out var json))
        {
            return false;
        }

        return json.IndexOf("\"alg\"", StringComparison.Ordinal) >= 0 || json.IndexOf("\"typ\"", StringComparison.Ordinal) >= 0;
    }
}
