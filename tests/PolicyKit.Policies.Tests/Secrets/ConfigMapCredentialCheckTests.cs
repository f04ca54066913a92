namespace PolicyKit.Policies.Tests.Secrets;

public sealed class ConfigMapCredentialCheckTests
{
    private const string Header = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo-env\ndata:\n";

    [Fact]
    public void A_credential_named_key_is_reported_at_its_value()
    {
        var finding = Scan.Single(Header + "  PGUSER: odoo\n  PGPASSWORD: Pg-Env-7720-Qx\n", "PK3003");

        Assert.Equal((7, 15), (finding.Line, finding.Column));
        Assert.Equal("data.PGPASSWORD", finding.FieldPath);
    }

    [Fact]
    public void A_credential_inside_an_embedded_file_is_reported_on_its_own_line()
    {
        var text = Header + "  application.properties: |\n    server.port=8080\n    spring.datasource.password=Edi-Db-Pw-3318\n";

        var finding = Scan.Single(text, "PK3003");

        Assert.Equal((8, 32), (finding.Line, finding.Column));
        Assert.Equal("data[application.properties][spring.datasource.password]", finding.FieldPath);
    }

    [Fact]
    public void A_commented_out_credential_is_not_reported()
    {
        Assert.Empty(Scan.Findings(Header + "  app.env: |\n    # DB_PASSWORD=odoo123\n    LOG_LEVEL=info\n", "PK3003"));
    }

    [Fact]
    public void A_token_in_a_commented_line_is_still_reported()
    {
        Assert.Single(Scan.Findings(Header + "  app.env: |\n    # old: " + FakeSecrets.For("github-token") + "\n    LOG_LEVEL=info\n", "PK3003"));
    }

    [Fact]
    public void An_embedded_odoo_configuration_is_left_to_the_odoo_rules()
    {
        Assert.Empty(Scan.Findings(Header + "  odoo.conf: |\n    [options]\n    db_password = Odoo-Pg-Live-2290\n", "PK3003"));
    }

    [Fact]
    public void Prose_that_mentions_a_password_is_not_reported()
    {
        Assert.Empty(Scan.Findings(Header + "  README.md: |\n    password: use your SSO account\n    The password reset flow is enabled.\n", "PK3003"));
    }

    [Fact]
    public void A_psql_variable_in_an_init_script_is_not_a_password()
    {
        Assert.Empty(Scan.Findings(Header + "  init.sql: |\n    CREATE USER metabase WITH PASSWORD :'metabase_password';\n    SELECT 1;\n", "PK3003"));
    }

    [Fact]
    public void The_password_field_of_a_pgpass_line_is_reported()
    {
        var finding = Scan.Single(Header + "  pgpass: |\n    odoo-pg-rw:5432:odoo:odoo:Pgpass-Pw-4410\n    *:*:*:replicator:${REPLICATION_PASSWORD}\n", "PK3003");

        Assert.Equal((7, 31), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_redis_requirepass_directive_is_reported()
    {
        Assert.Single(Scan.Findings(Header + "  redis.conf: |\n    bind 0.0.0.0\n    requirepass Redis-Sess-4471-q\n", "PK3003"));
    }
}
