using System;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Registry credentials in a Docker config (<c>.dockerconfigjson</c>): an <c>auth</c> field (base64 of
/// <c>user:password</c>) or a <c>password</c> field under <c>auths</c>. Placeholder passwords are not reported.
/// </summary>
public sealed class DockerConfigAuthDetector : TokenDetector
{
    private static readonly Regex Field = TokenRegex.Create(@"""(?<field>auth|password|identitytoken)""\s*:\s*""(?<secret>[^""]{1,4096})""");

    public DockerConfigAuthDetector()
        : base("registry-credentials", "container registry credentials", new[] { "\"auths\"" })
    {
    }

    public override bool TryFind(string text, int start, out TokenMatch match)
    {
        for (var found = Field.Match(text, start); found.Success; found = found.NextMatch())
        {
            var secret = found.Groups["secret"];
            if (PlaceholderText.Classify(secret.Value) != SecretValueForm.Literal)
            {
                continue;
            }

            if (found.Groups["field"].Value == "auth" && !HoldsPassword(secret.Value))
            {
                continue;
            }

            match = new TokenMatch(this, secret.Index, secret.Length);
            return true;
        }

        match = default;
        return false;
    }

    /// <summary>An <c>auth</c> value is base64 of <c>user:password</c>; one with an empty or placeholder password holds nothing.</summary>
    private static bool HoldsPassword(string auth)
    {
        if (!Base64Text.TryDecodeText(auth, out var decoded, out _))
        {
            return true;
        }

        var colon = decoded.IndexOf(':');
        return colon >= 0 && PlaceholderText.Classify(decoded.Substring(colon + 1)) == SecretValueForm.Literal;
    }
}
