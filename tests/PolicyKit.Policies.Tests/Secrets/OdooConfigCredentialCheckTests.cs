using System.Linq;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class OdooConfigCredentialCheckTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo-config\ndata:\n  odoo.conf: |\n    [options]\n";

    [Fact]
    public void A_db_password_in_an_odoo_conf_file_is_reported_at_its_value()
    {
        var finding = Scan.Single("[options]\ndb_host = db\ndb_password = Pg-Odoo-2f9K-x7Lq\n", "PK3004", "odoo.conf");

        Assert.Equal((3, 15), (finding.Line, finding.Column));
        Assert.Equal("options.db_password", finding.FieldPath);
        Assert.Equal("OdooConfig", finding.Resource!.Kind);
    }

    [Fact]
    public void A_weak_master_password_is_critical_and_reported_once()
    {
        var result = Scan.Text("[options]\nadmin_passwd = admin\n", "odoo.conf");

        var finding = Assert.Single(result.Findings, f => f.Category == "secrets");
        Assert.Equal("PK3005", finding.RuleId);
        Assert.Equal(PolicyKit.Policies.Rules.Severity.Critical, finding.Severity);
        Assert.Equal((2, 16), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_strong_master_password_in_plaintext_is_reported_by_the_plaintext_rule_only()
    {
        var result = Scan.Text("[options]\nadmin_passwd = Zt8#Qm2!Vx7-Lp4@Rk9\n", "odoo.conf");

        Assert.Equal(new[] { "PK3004" }, result.Findings.Where(f => f.Category == "secrets").Select(f => f.RuleId));
    }

    [Theory]
    [InlineData("; admin_passwd = admin")]
    [InlineData("# db_password = odoo")]
    [InlineData("db_password = False")]
    [InlineData("smtp_password = None")]
    [InlineData("smtp_password =")]
    [InlineData("db_password = ${POSTGRES_PASSWORD}")]
    [InlineData("db_password = %(ENV_DB_PASSWORD)s")]
    [InlineData("admin_passwd = $pbkdf2-sha512$600000$mDFvUmrp/Ts3RWpnjQHGDA$2vHzmRVe4.TJbmJEvJXWqCZuE3bBPXJ1kZeOqtGEkaG7eXrH3ypx")]
    public void Unset_commented_placeholder_and_hashed_options_are_not_reported(string line)
    {
        var result = Scan.Text("[options]\n" + line + "\n", "odoo.conf");

        Assert.DoesNotContain(result.Findings, f => f.Category == "secrets");
    }

    [Fact]
    public void An_odoo_conf_embedded_in_a_config_map_is_reported_on_the_option_line()
    {
        var finding = Scan.Single(ConfigMap + "    db_host = db\n    db_password = Odoo-Pg-Live-2290\n", "PK3004");

        Assert.Equal((9, 19), (finding.Line, finding.Column));
        Assert.Equal("data[odoo.conf].options.db_password", finding.FieldPath);
        Assert.Contains("ConfigMap \"odoo-config\" (odoo.conf) sets db_password", finding.Message);
    }

    [Fact]
    public void The_master_password_is_located_at_its_value_not_inside_the_option_name()
    {
        var finding = Scan.Single(ConfigMap + "    admin_passwd = admin\n", "PK3005");

        Assert.Equal((8, 20), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_credential_named_module_option_is_reported()
    {
        Assert.Single(Scan.Findings("[options]\nodoo_api_token = t0k-9Xv2-Lq7m-Rz4w-Hp8\n", "PK3004", "odoo.conf"));
    }
}
