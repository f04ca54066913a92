using System;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// An HTTP <c>Authorization</c> credential pasted into a command or config: <c>Basic</c> with base64 of
/// <c>user:password</c>, or <c>Bearer</c>/<c>token</c> followed by a generated-looking token (an API token in a CronJob's
/// <c>curl</c>). Bearer values must look random, so prose such as "bearer token" is not reported.
/// </summary>
public sealed class AuthorizationHeaderDetector : TokenDetector
{
    private static readonly Regex Pattern = TokenRegex.Create(
        @"(?<![A-Za-z0-9])(?<scheme>[Bb]asic|[Bb]earer|[Tt]oken)[ \t]+(?<secret>[A-Za-z0-9._~+/-]{12,4096}=*)(?![A-Za-z0-9._~+/=-])");

    public AuthorizationHeaderDetector()
        : base("authorization-header", "an HTTP authorization credential", new[] { "basic ", "bearer ", "token " })
    {
    }

    public override bool TryFind(string text, int start, out TokenMatch match)
    {
        for (var found = Pattern.Match(text, start); found.Success; found = found.NextMatch())
        {
            var secret = found.Groups["secret"];
            var isBasic = found.Groups["scheme"].Value.Equals("basic", StringComparison.OrdinalIgnoreCase);
            if (isBasic ? HoldsBasicPassword(secret.Value) : ShannonEntropy.LooksRandom(secret.Value))
            {
                match = new TokenMatch(this, secret.Index, secret.Length);
                return true;
            }
        }

        match = default;
        return false;
    }

    private static bool HoldsBasicPassword(string value)
    {
        if (!Base64Text.TryDecodeText(value, out var decoded, out _))
        {
            return false;
        }

        var colon = decoded.IndexOf(':');
        return colon > 0 && colon < decoded.Length - 1 && PlaceholderText.Classify(decoded.Substring(colon + 1)) == SecretValueForm.Literal;
    }
}
