using System.Collections.Generic;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// The built-in token formats, most specific first, so a service-account key is named as such rather than as the
/// private key inside it. Fixed-prefix formats follow the providers' published token formats (and gitleaks' rules,
/// which track them); they carry no entropy threshold because the prefix already makes a false match unlikely, and
/// obviously fake documentation values such as <c>AKIAIOSFODNN7EXAMPLE</c> must still be caught in tests.
/// </summary>
public static class TokenDetectors
{
    public static IReadOnlyList<TokenDetector> All { get; } = new TokenDetector[]
    {
        new ServiceAccountKeyDetector(),
        new PemPrivateKeyDetector(),
        new PatternTokenDetector("age-secret-key", "an age secret key (SOPS)", new[] { "AGE-SECRET-KEY-1" },
            @"AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}"),
        new DockerConfigAuthDetector(),
        new PatternTokenDetector("aws-access-key-id", "an AWS access key ID", new[] { "AKIA", "ASIA", "ABIA", "ACCA", "A3T" },
            @"(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16})(?![A-Z0-9])"),
        new PatternTokenDetector("github-token", "a GitHub token", new[] { "ghp_", "gho_", "ghu_", "ghs_", "ghr_" },
            @"(?<![A-Za-z0-9_])(?<secret>gh[pousr]_[A-Za-z0-9]{36,251})(?![A-Za-z0-9_])"),
        new PatternTokenDetector("github-fine-grained-token", "a GitHub fine-grained token", new[] { "github_pat_" },
            @"(?<![A-Za-z0-9_])(?<secret>github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])"),
        new PatternTokenDetector("gitlab-token", "a GitLab token", new[] { "glpat-", "gldt-", "glrt-", "glptt-", "glsoat-", "GR1348941" },
            @"(?<![A-Za-z0-9_-])(?<secret>(?:glpat|gldt|glrt|glptt|glsoat)-[A-Za-z0-9_-]{20,64}|GR1348941[A-Za-z0-9_-]{20,64})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("slack-token", "a Slack token", new[] { "xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe" },
            @"(?<![A-Za-z0-9_-])(?<secret>xox(?:[abprs]|e\.xox[bp]|e)-[0-9A-Za-z-]{10,250})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("slack-webhook", "a Slack webhook URL", new[] { "hooks.slack.com" },
            @"(?<secret>hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9_/+-]{20,200})",
            secret => !PlaceholderText.IsRepetition(LastSegment(secret))),
        new PatternTokenDetector("stripe-key", "a Stripe API key", new[] { "sk_live_", "sk_test_", "rk_live_", "rk_test_" },
            @"(?<![A-Za-z0-9_])(?<secret>[sr]k_(?:live|test)_[0-9A-Za-z]{20,247})(?![A-Za-z0-9_])"),
        new PatternTokenDetector("stripe-webhook-secret", "a Stripe webhook secret", new[] { "whsec_" },
            @"(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/=]{24,128})(?![A-Za-z0-9_])"),
        new PatternTokenDetector("sendgrid-api-key", "a SendGrid API key", new[] { "SG." },
            @"(?<![A-Za-z0-9_-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("google-api-key", "a Google API key", new[] { "AIza" },
            @"(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("google-oauth-client-secret", "a Google OAuth client secret", new[] { "GOCSPX-" },
            @"(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("azure-storage-key", "an Azure storage account key", new[] { "AccountKey=", "SharedAccessKey=" },
            @"(?:AccountKey|SharedAccessKey)=(?<secret>[A-Za-z0-9+/]{40,100}={0,2})"),
        new PatternTokenDetector("azure-client-secret", "an Azure AD client secret", new[] { "Q~" },
            @"(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])"),
        new PatternTokenDetector("openai-api-key", "an OpenAI API key", new[] { "T3BlbkFJ" },
            @"(?<![A-Za-z0-9_-])(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{16,200}T3BlbkFJ[A-Za-z0-9_-]{16,200})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("anthropic-api-key", "an Anthropic API key", new[] { "sk-ant-" },
            @"(?<![A-Za-z0-9_-])(?<secret>sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{80,120})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("npm-token", "an npm access token", new[] { "npm_" },
            @"(?<![A-Za-z0-9_])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])"),
        new PatternTokenDetector("pypi-token", "a PyPI upload token", new[] { "pypi-AgEIcHlwaS5vcmc" },
            @"(?<secret>pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})"),
        new PatternTokenDetector("docker-hub-token", "a Docker Hub access token", new[] { "dckr_pat_" },
            @"(?<![A-Za-z0-9_])(?<secret>dckr_pat_[A-Za-z0-9_-]{27,64})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("vault-token", "a HashiCorp Vault token", new[] { "hvs.", "hvb." },
            @"(?<![A-Za-z0-9_.-])(?<secret>hv[sb]\.[A-Za-z0-9_-]{24,200})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("digitalocean-token", "a DigitalOcean token", new[] { "dop_v1_", "doo_v1_", "dor_v1_" },
            @"(?<![A-Za-z0-9_])(?<secret>do[por]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])"),
        new PatternTokenDetector("shopify-token", "a Shopify access token", new[] { "shpat_", "shpca_", "shppa_", "shpss_" },
            @"(?<![A-Za-z0-9_])(?<secret>shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32})(?![A-Za-z0-9_])"),
        new PatternTokenDetector("telegram-bot-token", "a Telegram bot token", new[] { ":AA" },
            @"(?<![A-Za-z0-9_])(?<secret>[0-9]{8,10}:AA[0-9A-Za-z_-]{33})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("sentry-token", "a Sentry auth token", new[] { "sntrys_", "sntryu_" },
            @"(?<![A-Za-z0-9_])(?<secret>sntry[su]_[A-Za-z0-9+/=_-]{40,300})"),
        new PatternTokenDetector("grafana-token", "a Grafana token", new[] { "glsa_", "glc_" },
            @"(?<![A-Za-z0-9_])(?<secret>glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9_])"),
        new PatternTokenDetector("new-relic-key", "a New Relic API key", new[] { "NRAK-" },
            @"(?<![A-Za-z0-9_-])(?<secret>NRAK-[A-Z0-9]{27})(?![A-Za-z0-9_-])"),
        new PatternTokenDetector("discord-webhook", "a Discord webhook URL", new[] { "/api/webhooks/" },
            @"(?<secret>discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,100})"),
        new PatternTokenDetector("teams-webhook", "a Microsoft Teams webhook URL", new[] { "webhook.office.com", "outlook.office.com/webhook" },
            @"(?<secret>(?:[a-z0-9-]+\.webhook\.office\.com/webhookb2|outlook\.office\.com/webhook)/[A-Za-z0-9@/_-]{60,300})"),
        new PatternTokenDetector("azure-sas-token", "an Azure shared access signature", new[] { "sig=" },
            @"[?&]sv=[0-9-]{10}[^\s""']{0,300}?[?&]sig=(?<secret>[A-Za-z0-9%+/=]{30,120})"),
        new PatternTokenDetector("braintree-token", "a PayPal Braintree access token", new[] { "access_token$" },
            @"(?<secret>access_token\$(?:production|sandbox)\$[0-9a-z]{16}\$[0-9a-f]{32})"),
        new JwtDetector(),
        new UrlCredentialDetector(),
        new ConnectionStringPasswordDetector(),
        new PatternTokenDetector("sql-password", "a password in an SQL statement", new[] { "password '", "password'", "identified by '" },
            @"(?i)\b(?:USER|ROLE)\b[^;'\n]{0,120}?\b(?:ENCRYPTED[ \t]+)?PASSWORD[ \t]*'(?<secret>[^'\n]{1,256})'|\bIDENTIFIED[ \t]+BY[ \t]+'(?<secret>[^'\n]{1,256})'",
            secret => PlaceholderText.Classify(secret) == SecretValueForm.Literal && !LiteralValues.IsPasswordHash(secret) && !IsMd5Hash(secret)),
        new AuthorizationHeaderDetector(),
        new PatternTokenDetector("basic-auth-argument", "a password in a user:password argument", new[] { "-u ", "--user ", "-u\"", "-u'" },
            @"(?<![A-Za-z0-9_-])(?:-u|--user)[ \t]*[""']?[A-Za-z0-9._@+-]{1,64}:(?<secret>[^\s""'@]{1,256})[""']?(?=\s|$)",
            secret => PlaceholderText.Classify(secret) == SecretValueForm.Literal),
    };

    /// <summary>PostgreSQL's legacy stored form: <c>md5</c> followed by 32 hex digits.</summary>
    private static bool IsMd5Hash(string value) => value.Length == 35 && value.StartsWith("md5", System.StringComparison.Ordinal) && ShannonEntropy.IsHex(value.Substring(3));

    private static string LastSegment(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? path : path.Substring(slash + 1);
    }

}
