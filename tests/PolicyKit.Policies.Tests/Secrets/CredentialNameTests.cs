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
}
