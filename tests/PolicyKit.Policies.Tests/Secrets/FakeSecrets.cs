using System;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyKit.Policies.Tests.Secrets;

/// <summary>
/// Obviously fake secrets in each provider's format (bodies spell FAKE and EXAMPLE), assembled when the tests run. The
/// repository never holds a token-shaped string, so push protection and other scanners have nothing to flag, while
/// every detector still sees its real format. Corpus files name them with markers such as <c>⟦fake:github-token⟧</c>.
/// </summary>
internal static class FakeSecrets
{
    private const string Alphanumeric = "FAKE0fake1EXAMPLE2example3FAKE4fake5EXAMPLE6example7FAKE8fake9";
    private static readonly Regex Marker = new("⟦fake:(?<id>[a-z0-9-]+)⟧", RegexOptions.Compiled);

    public static string For(string id) => id switch
    {
        "github-token" => "gh" + "p_" + Filler(36),
        "gitlab-token" => "gl" + "pat-" + Filler(20),
        "slack-token" => "xo" + "xb-" + "1234567890-1234567890123-" + Filler(24),
        "slack-webhook" => "hooks.slack.com" + "/services/T0FAKE000/B0FAKE000/" + Filler(24),
        "stripe-key" => "sk" + "_live_" + Filler(24),
        "sendgrid-api-key" => "SG" + "." + Filler(22) + "." + Filler(43),
        "google-api-key" => "AI" + "zaSy" + Filler(33),
        "google-oauth-client-secret" => "GOC" + "SPX-" + Filler(28),
        "npm-token" => "np" + "m_" + Filler(36),
        "vault-token" => "hv" + "s." + Filler(28),
        "grafana-token" => "gl" + "sa_" + Filler(32) + "_" + "0a1b2c3d",
        "age-secret-key" => "AGE-SECRET-" + "KEY-1" + Repeat("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
        "jwt" => Base64Url("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Base64Url("{\"sub\":\"fake-user\",\"name\":\"EXAMPLE\"}") + "." + Filler(43),
        "discord-webhook" => "discord.com" + "/api/webhooks/" + "123456789012345678/" + Filler(68),
        "teams-webhook" => "acme.webhook.office.com" + "/webhookb2/" + "0f1e2d3c-fake-4fak-8fak-0a1b2c3d4e5f@9e8d7c6b-fake-4fak-8fak-5f4e3d2c1b0a/IncomingWebhook/" + Filler(32),
        "azure-sas" => "?sv=" + "2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=" + Filler(44) + "%3D",
        "basic-auth" => Convert.ToBase64String(Encoding.UTF8.GetBytes("loki:Fake-Basic-Pw-1234")),
        "pem-private-key" => Pem("PRIVATE KEY", "\n"),
        "pem-private-key-escaped" => Pem("PRIVATE KEY", "\\n"),
        "openssh-private-key" => Pem("OPENSSH PRIVATE KEY", "\n"),
        _ => throw new ArgumentException($"no fake secret named '{id}'", nameof(id)),
    };

    /// <summary>Replaces every marker; a multi-line fake keeps the indentation of the line its marker is on.</summary>
    public static string Expand(string text) => Marker.Replace(text, match =>
    {
        var value = For(match.Groups["id"].Value);
        var lineStart = text.LastIndexOf('\n', match.Index) + 1;
        var indent = 0;
        while (lineStart + indent < match.Index && text[lineStart + indent] == ' ')
        {
            indent++;
        }

        return value.Replace("\n", "\n" + new string(' ', indent));
    });

    private static string Filler(int length) => Repeat(Alphanumeric, length);

    private static string Repeat(string alphabet, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[i % alphabet.Length]);
        }

        return builder.ToString();
    }

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pem(string label, string newline) =>
        "-----BEGIN " + label + "-----" + newline
        + "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQ" + Filler(14) + newline
        + Filler(64) + newline
        + Repeat("EXAMPLEexample0123456789", 60) + "==" + newline
        + "-----END " + label + "-----";
}
