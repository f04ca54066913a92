using System.Linq;
using PolicyKit.Policies.Evaluation;
using static PolicyKit.Policies.Tests.Exceptions.ExceptionText;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>An active, valid exception suppresses exactly the findings its rules and scope name, and nothing more.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public void Active_exception_suppresses_the_matching_finding()
    {
        var finding = Single(Run(File(Record())), "PK1009");

        Assert.True(finding.Suppressed);
        Assert.Equal("EX-1", finding.Suppression!.ExceptionId);
    }

    [Fact]
    public void Suppression_carries_the_records_justification_owner_approver_and_ticket()
    {
        var suppression = Single(Run(File(Record())), "PK1009").Suppression!;

        Assert.Equal(
            ("Redis fixes /data ownership as root until CHG-4802.", "maria.lopez@acme.example", "jonas.berg@acme.example", "CHG-4711", "2027-02-15", ExceptionText.FileName, 2),
            (suppression.Justification, suppression.Owner, suppression.Approver, suppression.Ticket, suppression.Expires.ToString("yyyy-MM-dd"), suppression.File, suppression.Line));
    }

    [Fact]
    public void Suppressed_finding_does_not_block()
    {
        var result = Run(File(Record()));

        Assert.False(Single(result, "PK1009").Blocking);
    }

    [Fact]
    public void Suppressed_findings_are_counted_apart_and_stay_in_the_findings()
    {
        var result = Run(File(Record()));

        Assert.Equal(1, result.SuppressedCount);
        Assert.Contains(result.Findings, f => f.RuleId == "PK1009");
    }

    [Fact]
    public void Exception_does_not_suppress_the_same_finding_in_another_namespace()
    {
        var finding = Single(Run(File(Record()), Redis(@namespace: "odoo-beta")), "PK1009");

        Assert.False(finding.Suppressed);
        Assert.True(finding.Blocking);
    }

    [Fact]
    public void Exception_does_not_suppress_the_same_finding_in_another_environment()
    {
        var record = Record(scope: "{environments: [production], namespaces: [odoo-acme]}");

        Assert.False(Single(Run(File(record), environment: "staging"), "PK1009").Suppressed);
    }

    [Fact]
    public void Exception_suppresses_the_finding_in_its_own_environment()
    {
        var record = Record(scope: "{environments: [production], namespaces: [odoo-acme]}");

        Assert.True(Single(Run(File(record), environment: "production"), "PK1009").Suppressed);
    }

    [Fact]
    public void Exception_for_a_named_environment_does_not_suppress_findings_judged_in_no_environment()
    {
        var record = Record(scope: "{environments: [production], namespaces: [odoo-acme]}");

        Assert.False(Single(Run(File(record)), "PK1009").Suppressed);
    }

    [Fact]
    public void Environment_pattern_star_also_matches_findings_judged_in_no_environment()
    {
        var record = Record(scope: "{environments: [\"*\"], namespaces: [odoo-acme]}");

        Assert.True(Single(Run(File(record)), "PK1009").Suppressed);
    }

    [Fact]
    public void Exception_does_not_suppress_another_rule_on_the_same_resource()
    {
        var result = Run(File(Record()));

        Assert.All(result.Findings.Where(f => f.RuleId != "PK1009"), f => Assert.False(f.Suppressed, f.RuleId));
    }

    [Fact]
    public void Exception_does_not_suppress_a_resource_of_another_kind_with_the_same_name()
    {
        Assert.False(Single(Run(File(Record()), Redis(kind: "Deployment")), "PK1009").Suppressed);
    }

    [Fact]
    public void Exception_does_not_suppress_a_resource_with_another_name()
    {
        Assert.False(Single(Run(File(Record()), Redis(name: "redis-sessions")), "PK1009").Suppressed);
    }

    [Fact]
    public void Name_glob_matches_names_with_the_prefix()
    {
        var record = Record(scope: "{namespaces: [odoo-acme], names: [\"redis*\"]}");

        Assert.True(Single(Run(File(record), Redis(name: "redis-sessions")), "PK1009").Suppressed);
    }

    [Fact]
    public void Wildcard_rule_id_suppresses_every_rule_with_the_prefix()
    {
        var result = Run(File(Record(rules: "[\"PK100*\"]", expires: "2026-12-15")));

        Assert.True(Single(result, "PK1001").Suppressed);
        Assert.True(Single(result, "PK1009").Suppressed);
    }

    [Fact]
    public void Wildcard_rule_id_does_not_suppress_rules_outside_the_prefix()
    {
        var result = Run(File(Record(rules: "[\"PK100*\"]", expires: "2026-12-15")));

        Assert.False(Single(result, "PK1010").Suppressed);
    }

    [Fact]
    public void Exception_is_in_force_on_its_expiry_day()
    {
        Assert.True(Single(Run(File(Record(expires: "2026-11-28"))), "PK1009").Suppressed);
    }

    [Fact]
    public void Exception_is_in_force_until_the_last_instant_of_its_expiry_day()
    {
        var lastSecond = new System.DateTimeOffset(2026, 11, 28, 23, 59, 59, System.TimeSpan.Zero);

        Assert.True(Single(Run(File(Record(expires: "2026-11-28")), now: lastSecond), "PK1009").Suppressed);
    }

    [Fact]
    public void Exception_suppresses_nothing_one_day_after_its_expiry_day()
    {
        var finding = Single(Run(File(Record(expires: "2026-11-27"))), "PK1009");

        Assert.False(finding.Suppressed);
        Assert.True(finding.Blocking);
    }

    [Fact]
    public void Invalid_exception_suppresses_nothing()
    {
        Assert.False(Single(Run(File(Record(approver: "maria.lopez@acme.example"))), "PK1009").Suppressed);
    }

    [Fact]
    public void Label_selector_matches_the_objects_own_labels()
    {
        var record = Record(scope: "{labels: {matchLabels: {app.kubernetes.io/name: redis}}}");

        Assert.True(Single(Run(File(record)), "PK1009").Suppressed);
    }

    [Fact]
    public void Label_selector_does_not_read_the_pod_template_labels()
    {
        var manifest = Redis().Replace("      labels:\n        app.kubernetes.io/name: redis\n    spec:", "      labels:\n        app.kubernetes.io/name: redis\n        tier: cache\n    spec:");
        var record = Record(scope: "{labels: {matchLabels: {tier: cache}}}");

        Assert.Contains("tier: cache", manifest);
        Assert.False(Single(Run(File(record), manifest), "PK1009").Suppressed);
    }

    [Fact]
    public void Label_expression_NotIn_keeps_the_listed_values_out()
    {
        var record = Record(scope: "{labels: {matchExpressions: [{key: app.kubernetes.io/name, operator: NotIn, values: [redis]}]}}");

        Assert.False(Single(Run(File(record)), "PK1009").Suppressed);
    }

    [Fact]
    public void Label_expression_DoesNotExist_matches_objects_without_the_label()
    {
        var record = Record(scope: "{labels: {matchExpressions: [{key: legacy, operator: DoesNotExist}]}}");

        Assert.True(Single(Run(File(record)), "PK1009").Suppressed);
    }

    [Fact]
    public void Image_scope_matches_the_image_a_provenance_finding_is_about()
    {
        var record = Record(rules: "[PK1001]", scope: "{images: [\"redis:7.2.*\"]}");

        Assert.True(Single(Run(File(record)), "PK1001").Suppressed);
    }

    [Fact]
    public void Image_scope_does_not_match_another_image()
    {
        var record = Record(rules: "[PK1001]", scope: "{images: [\"redis:6.*\"]}");

        Assert.False(Single(Run(File(record)), "PK1001").Suppressed);
    }

    [Fact]
    public void Image_scope_does_not_match_a_finding_that_is_not_about_an_image()
    {
        var record = Record(rules: "[PK1009]", scope: "{images: [\"redis:*\"]}");

        Assert.False(Single(Run(File(record)), "PK1009").Suppressed);
    }

    private const string OdooWithLiteralPassword = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: odoo
          namespace: odoo-acme
        spec:
          selector:
            matchLabels: {app: odoo}
          template:
            metadata:
              labels: {app: odoo}
            spec:
              containers:
                - name: odoo
                  image: odoo:17.0
                  env:
                    - name: PGPASSWORD
                      value: "S3cr3t-Passw0rd-9182"
        """;

    /// <summary>The rule that reports the literal PGPASSWORD, whatever id the secrets pack gives it.</summary>
    private static string LiteralPasswordRule() =>
        Evaluate.Text(OdooWithLiteralPassword).Findings.Single(f => f.FieldPath.EndsWith(".env[name=PGPASSWORD].value")).RuleId;

    [Fact]
    public void Secret_key_scope_matches_the_variable_a_secrets_finding_is_about()
    {
        var ruleId = LiteralPasswordRule();
        var record = Record(rules: $"[{ruleId}]", scope: "{namespaces: [odoo-acme], secretKeys: [PGPASSWORD]}");

        Assert.True(Single(Run(File(record), OdooWithLiteralPassword), ruleId).Suppressed);
    }

    [Fact]
    public void Secret_key_scope_does_not_match_another_variable()
    {
        var ruleId = LiteralPasswordRule();
        var record = Record(rules: $"[{ruleId}]", scope: "{namespaces: [odoo-acme], secretKeys: [ODOO_ADMIN_PASSWD]}");

        Assert.False(Single(Run(File(record), OdooWithLiteralPassword), ruleId).Suppressed);
    }

    [Fact]
    public void Finding_matched_by_two_exceptions_names_the_first_as_its_suppression()
    {
        var result = Run(File(Record(id: "EX-1"), Record(id: "EX-2")));

        Assert.Equal("EX-1", Single(result, "PK1009").Suppression!.ExceptionId);
    }

    [Fact]
    public void Finding_matched_by_two_exceptions_makes_both_used()
    {
        var result = Run(File(Record(id: "EX-1"), Record(id: "EX-2")));

        Assert.Empty(Of(result, "PK9011"));
    }

    [Fact]
    public void Exceptions_cannot_waive_input_findings()
    {
        var result = Run(File(Record(rules: "[PK0001]", scope: "{namespaces: [\"*\"]}")), manifests: "kind: [\n");

        Assert.False(Single(result, "PK0001").Suppressed);
    }

    [Fact]
    public void Run_without_exception_records_suppresses_nothing()
    {
        var result = Evaluate.Text(Redis());

        Assert.Equal(0, result.SuppressedCount);
        Assert.Empty(result.Exceptions.Outcomes);
    }
}
