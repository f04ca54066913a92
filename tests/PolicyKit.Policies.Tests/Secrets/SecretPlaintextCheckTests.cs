namespace PolicyKit.Policies.Tests.Secrets;

public sealed class SecretPlaintextCheckTests
{
    private const string Header = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: odoo-db\n";

    [Fact]
    public void A_string_data_password_is_reported_at_its_value_with_key_and_kind()
    {
        var finding = Scan.Single(Header + "stringData:\n  POSTGRES_PASSWORD: odoo123\n", "PK3001");

        Assert.Equal((6, 22), (finding.Line, finding.Column));
        Assert.Equal("stringData.POSTGRES_PASSWORD", finding.FieldPath);
        Assert.Contains("holds a weak password in plaintext at stringData.POSTGRES_PASSWORD", finding.Message);
        Assert.Equal("weak-password", Scan.Property(finding, "secretType"));
    }

    [Fact]
    public void A_quoted_value_is_located_at_its_first_character()
    {
        var finding = Scan.Single(Header + "stringData:\n  password: \"Kx8-tr1p-w4ve\"\n", "PK3001");

        Assert.Equal(14, finding.Column);
    }

    [Fact]
    public void Base64_data_is_decoded_and_judged_by_what_it_holds()
    {
        var finding = Scan.Single(Header + "data:\n  password: S3g4LXRyMXAtdzR2ZQ==\n", "PK3001");

        Assert.Equal((6, 13), (finding.Line, finding.Column));
        Assert.Equal("password", Scan.Property(finding, "secretType"));
    }

    [Fact]
    public void The_same_secret_has_the_same_fingerprint_in_data_and_string_data()
    {
        var encoded = Scan.Single(Header + "data:\n  password: S3g4LXRyMXAtdzR2ZQ==\n", "PK3001");
        var plain = Scan.Single(Header + "stringData:\n  password: Kx8-tr1p-w4ve\n", "PK3001");

        Assert.Equal(Scan.Property(plain, "secretSha256"), Scan.Property(encoded, "secretSha256"));
    }

    [Fact]
    public void A_tls_private_key_is_reported_on_the_line_where_the_key_starts()
    {
        var text = Header + "type: kubernetes.io/tls\nstringData:\n  tls.key: |\n    " + FakeSecrets.For("pem-private-key").Replace("\n", "\n    ") + "\n";

        var finding = Scan.Single(text, "PK3001");

        Assert.Equal((8, 5), (finding.Line, finding.Column));
        Assert.Equal("private-key", Scan.Property(finding, "secretType"));
        Assert.Equal("stringData[tls.key]", finding.FieldPath);
    }

    [Fact]
    public void Certificates_and_public_keys_are_not_reported()
    {
        var text = Header + "stringData:\n  tls.crt: |\n    -----BEGIN CERTIFICATE-----\n    MIIBszCCAVmgAwIBAgIUEXAMPLE\n    -----END CERTIFICATE-----\n  id.pub: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEXAMPLE ops@acme\n";

        Assert.Empty(Scan.Findings(text, "PK3001"));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("${POSTGRES_PASSWORD}")]
    [InlineData("\"{{ .Values.password }}\"")]
    [InlineData("<changeme>")]
    [InlineData("ENC[AES256_GCM,data:Jq0vBq==,iv:7nJ2m0=,tag:ZmFr=,type:str]")]
    public void Empty_placeholder_and_encrypted_values_are_not_reported(string value)
    {
        Assert.Empty(Scan.Findings(Header + "stringData:\n  password: " + value + "\n", "PK3001"));
    }

    [Fact]
    public void A_weak_default_behind_a_substitution_is_reported()
    {
        var finding = Scan.Single(Header + "stringData:\n  password: ${DB_PASSWORD:-odoo}\n", "PK3001");

        Assert.Equal(28, finding.Column);
    }

    [Fact]
    public void A_plain_default_behind_a_substitution_under_a_neutral_key_is_not_reported()
    {
        Assert.Empty(Scan.Findings(Header + "stringData:\n  DB_NAME: ${DB_NAME:-odoo}\n", "PK3001"));
    }

    [Fact]
    public void Descriptive_keys_of_a_secret_made_from_an_env_file_are_not_reported()
    {
        var text = Header + "stringData:\n  DB_HOST: odoo-pg-rw\n  DB_PORT: \"5432\"\n  LOG_LEVEL: info\n  username: odoo\n  REGION: eu-central-1\n";

        Assert.Empty(Scan.Findings(text, "PK3001"));
    }

    [Fact]
    public void A_password_shaped_value_under_a_neutral_key_is_reported()
    {
        Assert.Single(Scan.Findings(Header + "stringData:\n  ODOO_MASTER: Mx9!Vq2#Lt7@Rw4\n", "PK3001"));
    }

    [Fact]
    public void Service_account_token_secrets_are_not_reported()
    {
        var text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: sa\ntype: kubernetes.io/service-account-token\nstringData:\n  token: " + FakeSecrets.For("jwt") + "\n";

        Assert.Empty(Scan.Findings(text, "PK3001"));
    }

    [Fact]
    public void An_embedded_configuration_is_reported_at_its_first_credential()
    {
        var text = Header + "stringData:\n  odoo.conf: |\n    [options]\n    db_host = db\n    db_password = Pg-Odoo-2f9K-x7Lq\n";

        var finding = Scan.Single(text, "PK3001");

        Assert.Equal((9, 19), (finding.Line, finding.Column));
    }

    [Fact]
    public void Each_key_of_a_secret_is_a_finding_of_its_own()
    {
        var text = Header + "stringData:\n  ACCESS_KEY_ID: AKIAIOSFODNN7EXAMPLE\n  ACCESS_SECRET_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n";

        Assert.Equal(2, Scan.Findings(text, "PK3001").Count);
    }
}
