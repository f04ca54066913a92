using System;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// A Google Cloud service-account key file (<c>"type": "service_account"</c> with a <c>private_key</c>): whoever holds
/// it acts as the service account. The secret reported is the embedded private key.
/// </summary>
public sealed class ServiceAccountKeyDetector : TokenDetector
{
    private static readonly Regex Type = TokenRegex.Create(@"""type""\s*:\s*""service_account""");
    private static readonly Regex PrivateKey = TokenRegex.Create(@"""private_key""\s*:\s*""(?<secret>-----BEGIN[^""]{40,8192})""");

    public ServiceAccountKeyDetector()
        : base("gcp-service-account-key", "a Google Cloud service-account key", new[] { "service_account" })
    {
    }

    public override bool TryFind(string text, int start, out TokenMatch match)
    {
        match = default;
        if (!Type.IsMatch(text, start))
        {
            return false;
        }

        var key = PrivateKey.Match(text, start);
        if (!key.Success)
        {
            return false;
        }

        var secret = key.Groups["secret"];
        match = new TokenMatch(this, secret.Index, secret.Length);
        return true;
    }
}
