namespace PolicyKit.Policies.Tests.Secrets;

public sealed class EnvLiteralCredentialCheckTests
{
    private static string Deployment(string env, string list = "containers") =>
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: odoo\nspec:\n  template:\n    spec:\n      " + list + ":\n        - name: odoo\n          image: odoo:17.0\n          env:\n" + env;

    [Fact]
    public void A_literal_password_is_reported_at_its_value_with_the_variable_and_container()
    {
        var finding = Scan.Single(Deployment("            - name: PASSWORD\n              value: Odoo-Prod-8842\n"), "PK3002");

        Assert.Equal((13, 22), (finding.Line, finding.Column));
        Assert.Equal("spec.template.spec.containers[name=odoo].env[name=PASSWORD].value", finding.FieldPath);
        Assert.StartsWith("container \"odoo\" sets PASSWORD to a password (Od…(14 chars, sha256:", finding.Message);
    }

    [Fact]
    public void Init_containers_are_judged_too()
    {
        Assert.Single(Scan.Findings(Deployment("            - name: PGPASSWORD\n              value: Wk-3392-pgx\n", "initContainers"), "PK3002"));
    }

    [Fact]
    public void A_token_is_reported_whatever_the_variable_is_called()
    {
        var finding = Scan.Single(Deployment("            - name: DEPLOY\n              value: " + FakeSecrets.For("gitlab-token") + "\n"), "PK3002");

        Assert.Equal("gitlab-token", Scan.Property(finding, "secretType"));
    }

    [Fact]
    public void The_password_inside_a_database_url_is_reported_at_the_password()
    {
        var finding = Scan.Single(Deployment("            - name: DATABASE_URL\n              value: postgresql://odoo:Conn-Pw-55aZ@db:5432/odoo\n"), "PK3002");

        Assert.Equal(40, finding.Column);
    }

    [Theory]
    [InlineData("PGDATA", "/var/lib/postgresql/data/pgdata")]
    [InlineData("LANG", "C.UTF-8")]
    [InlineData("USER", "odoo")]
    [InlineData("PASSWORD", "$(DB_PASSWORD)")]
    [InlineData("PASSWORD", "\"\"")]
    [InlineData("ENABLE_PASSWORD_RESET", "\"true\"")]
    [InlineData("PASSWORD_FILE", "/run/secrets/password")]
    [InlineData("TOKEN_TTL", "\"3600\"")]
    public void Settings_that_are_not_literal_credentials_are_not_reported(string name, string value)
    {
        Assert.Empty(Scan.Findings(Deployment($"            - name: {name}\n              value: {value}\n"), "PK3002"));
    }

    [Fact]
    public void A_secret_key_reference_is_not_reported()
    {
        var env = "            - name: PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: odoo-db-app\n                  key: password\n";

        Assert.Empty(Scan.Findings(Deployment(env), "PK3002"));
    }
}
