using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Tests.Secrets;

public sealed class SecretRotationTests
{
    private static string ExternalSecret(string spec) =>
        "apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: odoo-db\n  namespace: odoo-acme\nspec:\n" + spec;

    private static string SealedSecret(string annotations) =>
        "apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: odoo-redis\n  annotations:\n" + annotations + "spec:\n  encryptedData:\n    password: AgBy3i4OJSWK\n";

    private static SecretRotationItem Item(string text) => Assert.Single(Scan.Text(text).SecretRotation.Items);

    [Fact]
    public void An_external_secret_refreshed_hourly_is_compliant()
    {
        var item = Item(ExternalSecret("  refreshInterval: 1h\n"));

        Assert.True(item.Compliant);
        Assert.Equal("refreshInterval 1h is within the 24h maximum", item.Reason);
    }

    [Fact]
    public void An_external_secret_refreshed_weekly_is_not_compliant_and_reported_at_the_interval()
    {
        var finding = Assert.Single(Scan.RequiringRotation(ExternalSecret("  refreshInterval: 168h\n")).Findings, f => f.RuleId == "PK3007");

        Assert.Equal((7, 20), (finding.Line, finding.Column));
        Assert.Equal("spec.refreshInterval", finding.FieldPath);
        Assert.Contains("refreshInterval 168h exceeds the 24h maximum", finding.Message);
    }

    [Theory]
    [InlineData("  refreshInterval: \"0\"\n")]
    [InlineData("  refreshInterval: 1h\n  refreshPolicy: CreatedOnce\n")]
    [InlineData("  refreshInterval: soon\n")]
    public void External_secrets_that_never_refresh_or_cannot_be_read_are_not_compliant(string spec)
    {
        Assert.False(Item(ExternalSecret(spec)).Compliant);
    }

    [Fact]
    public void An_external_secret_without_an_interval_uses_the_operator_default_of_one_hour()
    {
        Assert.True(Item(ExternalSecret("  target:\n    name: odoo-db\n")).Compliant);
    }

    [Fact]
    public void A_sealed_secret_rotated_within_the_maximum_age_is_compliant()
    {
        var item = Item(SealedSecret("    policykit.io/rotated-at: \"2025-04-01\"\n"));

        Assert.True(item.Compliant);
        Assert.Equal("last rotated 2025-04-01 (61 days ago), within 90d", item.Reason);
    }

    [Fact]
    public void A_sealed_secret_older_than_the_maximum_age_is_not_compliant()
    {
        Assert.False(Item(SealedSecret("    policykit.io/rotated-at: \"2025-01-15T08:00:00Z\"\n")).Compliant);
    }

    [Fact]
    public void A_sealed_secret_without_a_rotation_record_is_not_compliant()
    {
        var finding = Assert.Single(Scan.RequiringRotation(SealedSecret("    sealedsecrets.bitnami.com/managed: \"true\"\n")).Findings, f => f.RuleId == "PK3007");

        Assert.Contains("no policykit.io/rotated-at annotation", finding.Message);
    }

    [Fact]
    public void Without_a_rotation_requirement_a_non_compliant_secret_is_counted_but_not_reported()
    {
        var result = Scan.Text(SealedSecret("    sealedsecrets.bitnami.com/managed: \"true\"\n"));

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PK3007");
        var item = Assert.Single(result.SecretRotation.Items);
        Assert.False(item.Compliant);
    }

    [Fact]
    public void A_stricter_rotation_period_is_held_to()
    {
        var item = Item(SealedSecret("    policykit.io/rotated-at: \"2025-04-01\"\n    policykit.io/rotation-period: 30d\n"));

        Assert.False(item.Compliant);
        Assert.Contains("older than 30d", item.Reason);
    }

    [Fact]
    public void A_rotation_period_longer_than_the_policy_allows_is_not_compliant()
    {
        Assert.False(Item(SealedSecret("    policykit.io/rotated-at: \"2025-05-30\"\n    policykit.io/rotation-period: 180d\n")).Compliant);
    }

    [Fact]
    public void A_rotation_date_in_the_future_is_not_compliant()
    {
        Assert.False(Item(SealedSecret("    policykit.io/rotated-at: \"2026-01-01\"\n")).Compliant);
    }

    [Fact]
    public void Service_account_tokens_configmaps_and_empty_secrets_are_not_measured()
    {
        var text = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: sa\ntype: kubernetes.io/service-account-token\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ndata: {}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: b\n";

        Assert.Empty(Scan.Text(text).SecretRotation.Items);
    }

    [Fact]
    public void The_ratio_is_compliant_over_measured_and_null_without_secrets()
    {
        var text = ExternalSecret("  refreshInterval: 1h\n") + "---\n" + ExternalSecret("  refreshInterval: 72h\n").Replace("odoo-db", "odoo-smtp") + "---\n" + SealedSecret("    policykit.io/rotated-at: \"2025-05-01\"\n");

        var rotation = Scan.Text(text).SecretRotation;

        Assert.Equal((3, 2, 0.6667), (rotation.Secrets, rotation.Compliant, rotation.Ratio!.Value));
        Assert.Null(Scan.Text("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n").SecretRotation.Ratio);
    }

    [Fact]
    public void The_metric_is_measured_even_when_the_secrets_rules_do_not_run()
    {
        var request = new EvaluationRequest(new[] { ManifestSource.FromText("a.yaml", ExternalSecret("  refreshInterval: 1h\n")) }, PolicyConfig.Defaults("/"))
        {
            Now = Scan.Now,
            Categories = new[] { "network" },
            ExceptionSources = Array.Empty<ManifestSource>(),
        };

        Assert.Equal(1, PolicyEngine.Evaluate(request).SecretRotation.Secrets);
    }

    [Fact]
    public void Each_environment_is_measured_against_its_own_maximum()
    {
        var production = new PolicyEnvironment("production", Array.Empty<PathGlob>(), false, PolicyKit.Policies.Rules.Severity.High, new Dictionary<string, RuleOverride>())
        {
            Secrets = new SecretsPolicy(TimeSpan.FromDays(30), TimeSpan.FromHours(1)) { RotationRequired = true },
        };
        var config = new PolicyConfig(null, "/", Array.Empty<PackSelection>(), Array.Empty<string>(), PolicyKit.Policies.Rules.Severity.High, new[] { production }, new Dictionary<string, RuleOverride>(), Array.Empty<PathGlob>(), LoaderLimits.Default);
        var source = ManifestSource.FromText("a.yaml", ExternalSecret("  refreshInterval: 6h\n"));

        var inProduction = PolicyEngine.Evaluate(new EvaluationRequest(new[] { source }, config) { Now = Scan.Now, ExceptionSources = Array.Empty<ManifestSource>(), Environment = "production" });

        var item = Assert.Single(inProduction.SecretRotation.Items);
        Assert.Equal(("production", false), (item.Environment, item.Compliant));
        Assert.Contains(inProduction.Findings, f => f.RuleId == "PK3007");
        Assert.True(Item(ExternalSecret("  refreshInterval: 6h\n")).Compliant);
    }
}
