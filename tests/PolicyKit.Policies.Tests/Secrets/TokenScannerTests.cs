using System.Linq;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

/// <summary>Each token format is found by its detector (fakes are generated at run time) and look-alikes are not.</summary>
public sealed class TokenScannerTests
{
    [Theory]
    [InlineData("github-token", "github-token")]
    [InlineData("gitlab-token", "gitlab-token")]
    [InlineData("slack-token", "slack-token")]
    [InlineData("slack-webhook", "slack-webhook")]
    [InlineData("stripe-key", "stripe-key")]
    [InlineData("sendgrid-api-key", "sendgrid-api-key")]
    [InlineData("google-api-key", "google-api-key")]
    [InlineData("google-oauth-client-secret", "google-oauth-client-secret")]
    [InlineData("npm-token", "npm-token")]
    [InlineData("vault-token", "vault-token")]
    [InlineData("grafana-token", "grafana-token")]
    [InlineData("age-secret-key", "age-secret-key")]
    [InlineData("jwt", "jwt")]
    [InlineData("pem-private-key", "private-key")]
    [InlineData("openssh-private-key", "private-key")]
    [InlineData("discord-webhook", "discord-webhook")]
    [InlineData("teams-webhook", "teams-webhook")]
    public void A_fake_token_is_found_by_its_detector(string fake, string detector)
    {
        var text = "value: " + FakeSecrets.For(fake) + " # trailing";

        Assert.True(TokenScanner.TryFindFirst(text, out var match));
        Assert.Equal(detector, match.Detector.Id);
        Assert.Equal(7, match.Index);
    }

    [Fact]
    public void An_aws_access_key_id_is_found()
    {
        Assert.True(TokenScanner.TryFindFirst("AKIAIOSFODNN7EXAMPLE", out var match));
        Assert.Equal("aws-access-key-id", match.Detector.Id);
    }

    [Fact]
    public void A_service_account_key_file_is_named_as_such_rather_than_as_the_private_key_inside_it()
    {
        var json = "{\"type\": \"service_account\", \"private_key\": \"" + FakeSecrets.For("pem-private-key-escaped") + "\"}";

        Assert.True(TokenScanner.TryFindFirst(json, out var match));
        Assert.Equal("gcp-service-account-key", match.Detector.Id);
    }

    [Theory]
    [InlineData("postgresql://odoo:Kx8-tr1p-w4ve@odoo-pg-rw/odoo", "Kx8-tr1p-w4ve")]
    [InlineData("redis://:Rd5-Kq8-Tz3@redis:6379/0", "Rd5-Kq8-Tz3")]
    [InlineData("Server=db;Database=erp;User Id=erp;Password=Ms-Sql-Pw-904;", "Ms-Sql-Pw-904")]
    [InlineData("host=db user=odoo password=Pq-Lib-Pw-11 dbname=odoo", "Pq-Lib-Pw-11")]
    [InlineData("curl -u ops:Op5-Ping-9921 https://status.example", "Op5-Ping-9921")]
    [InlineData("CREATE USER odoo WITH ENCRYPTED PASSWORD 'Sql-Init-Pw-6621' CREATEDB;", "Sql-Init-Pw-6621")]
    [InlineData("GRANT ALL ON erp.* TO 'erp'@'%' IDENTIFIED BY 'My-Sql-Pw-22';", "My-Sql-Pw-22")]
    public void Passwords_embedded_in_urls_connection_strings_and_arguments_are_found(string text, string secret)
    {
        Assert.True(TokenScanner.TryFindFirst(text, out var match));
        Assert.Equal(text.IndexOf(secret, System.StringComparison.Ordinal), match.Index);
        Assert.Equal(secret.Length, match.Length);
    }

    [Theory]
    [InlineData("registry.acme.example/odoo@sha256:1c4a3d9e2b7f60a18c5d3e9f20b7a6c4d1e8f3a2b9c0d7e6f5a4b3c2d1e0f9a8")]
    [InlineData("3f2a9c1b7d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8")]
    [InlineData("8f14e45f-ceea-467f-a4b3-5e5b8d1c2a90")]
    [InlineData("https://3f2a9c1b7d4e5f60@o123456.ingest.sentry.example/42")]
    [InlineData("postgresql://${PGUSER}:${PGPASSWORD}@odoo-pg-rw:5432/odoo")]
    [InlineData("postgresql://odoo:$(PGPASSWORD)@odoo-pg-rw:5432/odoo")]
    [InlineData("postgresql://{{ .Data.data.username }}:{{ .Data.data.password }}@db/odoo")]
    [InlineData("ssh://git@git.acme.example:2222/erp/addons.git")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUEXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE\n-----END CERTIFICATE-----")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")]
    [InlineData("The bearer token is read from the odoo-api Secret")]
    [InlineData("Bearer authentication-required-for-this-endpoint")]
    [InlineData("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("password = odoo")]
    [InlineData("ALTER ROLE readonly PASSWORD 'md5a3556571e93b0d20722ba62be61e8c2d';")]
    public void Look_alikes_are_not_tokens(string text)
    {
        Assert.False(TokenScanner.TryFindFirst(text, out var match), match.Detector?.Id);
    }

    [Fact]
    public void Several_tokens_in_one_text_are_all_found_in_order()
    {
        var text = "A=" + FakeSecrets.For("github-token") + "\nB=AKIAIOSFODNN7EXAMPLE\n";

        Assert.Equal(new[] { "github-token", "aws-access-key-id" }, TokenScanner.FindAll(text).Select(m => m.Detector.Id));
    }

    [Fact]
    public void Every_detector_has_keywords_and_a_stable_identifier()
    {
        Assert.All(TokenDetectors.All, d =>
        {
            Assert.NotEmpty(d.Keywords);
            Assert.Matches("^[a-z0-9-]+$", d.Id);
        });
        Assert.Equal(TokenDetectors.All.Count, TokenDetectors.All.Select(d => d.Id).Distinct().Count());
    }
}
