using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class CredentialNameTests
{
    [Theory]
    [InlineData("PASSWORD", CredentialKind.Password)]
    [InlineData("POSTGRES_PASSWORD", CredentialKind.Password)]
    [InlineData("PGPASSWORD", CredentialKind.Password)]
    [InlineData("DB_PASS", CredentialKind.Password)]
    [InlineData("admin_passwd", CredentialKind.Password)]
    [InlineData("requirepass", CredentialKind.Password)]
    [InlineData("spring.datasource.password", CredentialKind.Password)]
    [InlineData("odooPassword", CredentialKind.Password)]
    [InlineData("GITHUB_TOKEN", CredentialKind.Token)]
    [InlineData("accessToken", CredentialKind.Token)]
    [InlineData("API_KEY", CredentialKind.ApiKey)]
    [InlineData("x-api-key", CredentialKind.ApiKey)]
    [InlineData("AWS_SECRET_ACCESS_KEY", CredentialKind.AccessKey)]
    [InlineData("PRIVATE_KEY", CredentialKind.PrivateKey)]
    [InlineData("CLIENT_SECRET", CredentialKind.Secret)]
    [InlineData("SECRET_KEY", CredentialKind.Secret)]
    [InlineData("GOOGLE_CREDENTIALS", CredentialKind.Credentials)]
    [InlineData("REFRESH_TOKEN_SECRET", CredentialKind.Secret)]
    public void Credential_names_are_recognised(string name, CredentialKind kind)
    {
        Assert.Equal(kind, CredentialName.Classify(name).Kind);
    }

    [Theory]
    [InlineData("PGDATA")]
    [InlineData("LANG")]
    [InlineData("USER")]
    [InlineData("PASSWORD_FILE")]
    [InlineData("SECRET_NAME")]
    [InlineData("secretKeyRef")]
    [InlineData("existingSecret")]
    [InlineData("passwordSecret")]
    [InlineData("userPasswordKey")]
    [InlineData("TOKEN_TTL")]
    [InlineData("PASSWORD_MIN_LENGTH")]
    [InlineData("ENABLE_PASSWORD_RESET")]
    [InlineData("POSTGRES_HOST_AUTH_METHOD")]
    [InlineData("checksum/secret")]
    [InlineData("CACHE_KEY_PREFIX")]
    [InlineData("S3_KEY")]
    [InlineData("PUBLIC_KEY")]
    [InlineData("CACHE_BYPASS")]
    [InlineData("tokenizer")]
    [InlineData("deepseek-max-tokens")]
    [InlineData("MAX_TOKENS_PER_MINUTE")]
    [InlineData("access-token-expire-minutes")]
    [InlineData("refreshTokenSecret")]
    public void Names_that_describe_or_point_at_a_credential_are_not_credential_names(string name)
    {
        Assert.False(CredentialName.Classify(name).IsCredential);
    }

    [Theory]
    [InlineData("secret")]
    [InlineData("SECRET")]
    [InlineData("token")]
    [InlineData("adminSecret")]
    public void Generic_names_are_ambiguous(string name)
    {
        Assert.True(CredentialName.Classify(name).IsAmbiguous);
    }

    [Theory]
    [InlineData("change-me")]
    [InlineData("secret-key-1234")]
    [InlineData("change-me-production-secret-key")]
    [InlineData("staging-jwt-secret")]
    [InlineData("pass_word")]
    public void Runs_of_weak_words_are_weak_passwords(string value)
    {
        Assert.True(WeakPasswords.IsDictionaryLike(value));
    }

    [Theory]
    [InlineData("odoo-admin-basic-auth")]
    [InlineData("Kx8-tr1p-w4ve")]
    [InlineData("tenant-acme-db")]
    public void Object_names_and_generated_values_are_not_weak_passwords(string value)
    {
        Assert.False(WeakPasswords.IsDictionaryLike(value));
    }

    [Fact]
    public void A_run_of_weak_words_names_an_object_unless_an_environment_variable_holds_it()
    {
        Assert.False(SecretJudge.Judge("auth-secret", "odoo-db-secret").IsFound);
        Assert.True(SecretJudge.Judge("JWT_SECRET", "staging-jwt-secret").IsFound);
    }

    [Fact]
    public void A_three_digit_password_is_reported_and_a_two_digit_one_is_not()
    {
        Assert.True(SecretJudge.Judge("admin_passwd", "123").IsFound);
        Assert.False(SecretJudge.Judge("DB_PASSWORD", "12").IsFound);
        Assert.False(SecretJudge.Judge("token", "300").IsFound);
    }
}
