using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// A URL with a password in its user information: <c>postgresql://odoo:pw@db/odoo</c>, <c>redis://:pw@redis:6379</c>,
/// <c>https://user:token@git.example/repo.git</c>. The password is the secret; a user alone
/// (<c>https://key@sentry.example/1</c>, <c>ssh://git@host</c>) or a placeholder password (<c>${PGPASSWORD}</c>,
/// <c>$(PASSWORD)</c>, <c>&lt;password&gt;</c>) is not reported.
/// </summary>
public sealed partial class UrlCredentialDetector : TokenDetector
{
    private const string PatternText = @"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://[^\s:/?#@'""<>]{0,128}:(?<secret>[^\s/?#@'""]{1,256})@[A-Za-z0-9\[\]_.-]+";

#if NET
    private static readonly Regex Pattern = PatternGenerated();

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TokenRegex.TimeoutMilliseconds)]
    private static partial Regex PatternGenerated();
#else
    private static readonly Regex Pattern = TokenRegex.Create(
        PatternText);
#endif

    public UrlCredentialDetector()
        : base("url-password", "a password in a URL", new[] { "://" })
    {
    }

    public override bool TryFind(string text, int start, out TokenMatch match)
    {
        for (var found = Pattern.Match(text, start); found.Success; found = found.NextMatch())
        {
            var secret = found.Groups["secret"];
            if (PlaceholderText.Classify(secret.Value) == SecretValueForm.Literal)
            {
                match = new TokenMatch(this, secret.Index, secret.Length);
                return true;
            }
        }

        match = default;
        return false;
    }
}
