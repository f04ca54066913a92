using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class PlaceholderTextTests
{
    [Theory]
    [InlineData("${POSTGRES_PASSWORD}")]
    [InlineData("$(PASSWORD)")]
    [InlineData("{{ .Values.odoo.password }}")]
    [InlineData("{{- required \"set it\" .Values.password -}}")]
    [InlineData("<changeme>")]
    [InlineData("REPLACE_ME")]
    [InlineData("YOUR_API_TOKEN_HERE")]
    [InlineData("xxxxxxxx")]
    [InlineData("********")]
    [InlineData("%(db_password)s")]
    [InlineData("#{DbPassword}#")]
    [InlineData("$PASSWORD")]
    [InlineData("DB_PASSWORD")]
    [InlineData("__DB_PASSWORD__")]
    [InlineData("replace-me")]
    [InlineData("replace_with_secret")]
    [InlineData("your-api-key")]
    [InlineData("your_secure_password")]
    [InlineData("jwt-secret-goes-here")]
    [InlineData("xxx/xxx/xxx/xxx")]
    [InlineData("XXXX-XXXX-XXXX")]
    [InlineData("ghp_xxxxxxxx")]
    [InlineData("TROQUE_PELA_SENHA_DO_BANCO")]
    public void Placeholders_are_recognised(string value)
    {
        Assert.Equal(SecretValueForm.Placeholder, PlaceholderText.Classify(value));
    }

    [Theory]
    [InlineData("changeme")]
    [InlineData("password")]
    [InlineData("admin")]
    [InlineData("$ecret99")]
    [InlineData("Kx8-tr1p-w4ve")]
    [InlineData("change-me")]
    [InlineData("secret-key-2024")]
    [InlineData("000-000")]
    [InlineData("ODOO_ADMIN_2024")]
    public void Weak_defaults_that_look_like_placeholders_are_literals(string value)
    {
        Assert.Equal(SecretValueForm.Literal, PlaceholderText.Classify(value));
    }

    [Theory]
    [InlineData("vault:secret/data/odoo#password")]
    [InlineData("ref+vault://secret/odoo#/password")]
    [InlineData("op://platform/odoo-db/password")]
    [InlineData("<path:secret/data/odoo#password>")]
    public void References_to_secret_stores_are_recognised(string value)
    {
        Assert.Equal(SecretValueForm.Reference, PlaceholderText.Classify(value));
    }

    [Fact]
    public void Sops_ciphertext_is_recognised_as_encrypted()
    {
        Assert.Equal(SecretValueForm.Encrypted, PlaceholderText.Classify("ENC[AES256_GCM,data:Jq0vBq==,iv:7nJ2m0=,tag:ZmFr=,type:str]"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("~")]
    [InlineData("None")]
    public void Empty_values_are_recognised(string value)
    {
        Assert.Equal(SecretValueForm.Empty, PlaceholderText.Classify(value));
    }

    [Fact]
    public void A_substitution_default_is_returned_for_judging()
    {
        Assert.Equal(SecretValueForm.Placeholder, PlaceholderText.Classify("${DB_PASSWORD:-odoo}", out var fallback));
        Assert.Equal("odoo", fallback);
    }
}
