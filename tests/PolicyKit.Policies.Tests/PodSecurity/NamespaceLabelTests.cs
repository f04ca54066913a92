using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;
using static PolicyKit.Policies.Tests.PodSecurity.PodSecurityHarness;

namespace PolicyKit.Policies.Tests.PodSecurity;

/// <summary>Which level and version judge a resource: namespace labels, then the command line, the environment, the policy.</summary>
public sealed class NamespaceLabelTests
{
    private const string RootPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: odoo-shell
          namespace: odoo-acme
        spec:
          containers:
            - name: odoo
              image: odoo:17.0
              securityContext:
                runAsUser: 0
        """;

    private const string PrivilegedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: odoo-debug
          namespace: odoo-acme
        spec:
          containers:
            - name: odoo
              image: odoo:17.0
              securityContext:
                privileged: true
        """;

    private static string Namespace(params (string Key, string Value)[] labels) =>
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: odoo-acme\n  labels:\n"
        + string.Concat(labels.Select(l => $"    pod-security.kubernetes.io/{l.Key}: \"{l.Value}\"\n")) + "---\n";

    private static IReadOnlyList<Finding> Pss(EvaluationResult result) => result.Findings.Where(f => f.Check is not null).ToList();

    private static string Property(Finding finding, string key) => finding.Properties.Single(p => p.Key == key).Value;

    [Fact]
    public void Without_labels_or_settings_nothing_is_enforced()
    {
        Assert.Empty(Pss(Evaluate(PrivilegedPod, null)));
        Assert.Empty(Pss(Evaluate(Namespace() + PrivilegedPod, null)));
    }

    [Fact]
    public void The_enforce_label_judges_the_namespace_resources_and_its_findings_block()
    {
        var result = Evaluate(Namespace(("enforce", "baseline"), ("enforce-version", "v1.30")) + PrivilegedPod, null);

        var finding = Assert.Single(Pss(result));
        Assert.Equal("privileged", finding.Check);
        Assert.True(finding.Blocking);
        Assert.False(finding.Advisory);
        Assert.Equal("baseline", Property(finding, "podSecurityLevel"));
        Assert.Equal("v1.30", Property(finding, "podSecurityVersion"));
        Assert.Equal("enforce", Property(finding, "podSecurityMode"));
        Assert.Equal("namespace:odoo-acme", Property(finding, "podSecuritySource"));
        Assert.Equal("Pod \"odoo-debug\" violates PodSecurity \"baseline:v1.30\": privileged (container \"odoo\" must not set securityContext.privileged=true)", finding.Message);
    }

    [Fact]
    public void Without_an_enforce_version_the_label_means_latest()
    {
        var finding = Assert.Single(Pss(Evaluate(Namespace(("enforce", "baseline")) + PrivilegedPod, null)));

        Assert.Equal("latest", Property(finding, "podSecurityVersion"));
        Assert.Contains("\"baseline:latest\"", finding.Message);
    }

    [Fact]
    public void The_enforce_version_label_decides_which_controls_exist()
    {
        Assert.DoesNotContain(Pss(Evaluate(Namespace(("enforce", "restricted"), ("enforce-version", "v1.22")) + RootPod, null)), f => f.Check == "runAsUser");
        Assert.Single(Pss(Evaluate(Namespace(("enforce", "restricted"), ("enforce-version", "v1.23")) + RootPod, null)), f => f.Check == "runAsUser");
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("warn")]
    public void Audit_and_warn_labels_give_advisory_findings_that_never_block(string mode)
    {
        var config = PolicyConfig.Defaults("/");
        var result = Evaluate(Namespace(("enforce", "baseline"), (mode, "restricted"), (mode + "-version", "v1.30")) + RootPod, null, config);

        var findings = Pss(result);
        Assert.NotEmpty(findings);
        Assert.All(findings, f =>
        {
            Assert.False(f.Blocking);
            Assert.True(f.Advisory);
            Assert.Equal(mode, Property(f, "podSecurityMode"));
            Assert.Equal("restricted", Property(f, "podSecurityLevel"));
            Assert.StartsWith($"Pod \"odoo-shell\" would violate ({mode}) PodSecurity \"restricted:v1.30\"", f.Message);
        });
        Assert.Contains(findings, f => f.Check == "runAsUser");
    }

    [Fact]
    public void A_control_failing_under_enforce_is_reported_once_and_blocks()
    {
        var result = Evaluate(Namespace(("enforce", "baseline"), ("audit", "baseline"), ("warn", "restricted")) + PrivilegedPod, null);

        var privileged = Assert.Single(Pss(result), f => f.Check == "privileged");
        Assert.Equal("enforce", Property(privileged, "podSecurityMode"));
        Assert.True(privileged.Blocking);
        Assert.All(Pss(result).Where(f => f.Check != "privileged"), f => Assert.Equal("warn", Property(f, "podSecurityMode")));
    }

    [Fact]
    public void Audit_and_warn_failing_together_give_one_finding()
    {
        var result = Evaluate(Namespace(("audit", "restricted"), ("warn", "restricted")) + RootPod, null);

        var runAsUser = Assert.Single(Pss(result), f => f.Check == "runAsUser");
        Assert.Equal("audit,warn", Property(runAsUser, "podSecurityMode"));
        Assert.Contains("would violate (audit, warn)", runAsUser.Message);
    }

    [Fact]
    public void An_unreadable_enforce_level_fails_closed_as_restricted_and_an_unreadable_version_means_latest()
    {
        var result = Evaluate(Namespace(("enforce", "Restricted"), ("enforce-version", "1.30")) + RootPod, null);

        var finding = Assert.Single(Pss(result), f => f.Check == "runAsUser");
        Assert.Equal("restricted", Property(finding, "podSecurityLevel"));
        Assert.Equal("latest", Property(finding, "podSecurityVersion"));
        Assert.Contains("invalid enforce label \"Restricted\"", Property(finding, "podSecuritySource"));
    }

    [Fact]
    public void An_unreadable_warn_level_fails_open()
    {
        Assert.Empty(Pss(Evaluate(Namespace(("warn", "strict")) + PrivilegedPod, null)));
    }

    [Fact]
    public void Labels_apply_only_to_resources_of_that_namespace()
    {
        var other = PrivilegedPod.Replace("namespace: odoo-acme", "namespace: odoo-globex");

        Assert.Empty(Pss(Evaluate(Namespace(("enforce", "baseline")) + other, null)));
    }

    [Fact]
    public void A_resource_without_a_namespace_is_judged_in_the_default_namespace()
    {
        var unnamespaced = PrivilegedPod.Replace("  namespace: odoo-acme\n", string.Empty);
        var defaultNamespace = Namespace(("enforce", "baseline")).Replace("name: odoo-acme", "name: default");

        Assert.Single(Pss(Evaluate(defaultNamespace + unnamespaced, null)));
        Assert.Empty(Pss(Evaluate(Namespace(("enforce", "baseline")) + unnamespaced, null)));
    }

    [Fact]
    public void A_labelled_namespace_in_another_file_still_judges_the_resource()
    {
        var result = PolicyEngine.Evaluate(new EvaluationRequest(
            new[] { PolicyKit.Policies.Loading.ManifestSource.FromText("namespace.yaml", Namespace(("enforce", "baseline")).TrimEnd('-', '\n')), PolicyKit.Policies.Loading.ManifestSource.FromText("pod.yaml", PrivilegedPod) },
            PolicyConfig.Defaults("/")));

        Assert.Single(result.Findings, f => f.Check == "privileged");
    }

    [Fact]
    public void A_namespace_in_a_file_read_after_the_pod_still_judges_it()
    {
        // Files are judged as they stream; the pod's file comes first, so its verdict waits for the Namespace.
        var result = PolicyEngine.Evaluate(new EvaluationRequest(
            new[] { PolicyKit.Policies.Loading.ManifestSource.FromText("a-pod.yaml", PrivilegedPod), PolicyKit.Policies.Loading.ManifestSource.FromText("z-namespace.yaml", Namespace(("enforce", "baseline")).TrimEnd('-', '\n')) },
            PolicyConfig.Defaults("/")) { MaxParallelism = 1 });

        var finding = Assert.Single(result.Findings, f => f.Check == "privileged");
        Assert.Equal("a-pod.yaml", finding.File);
        Assert.Equal("namespace:odoo-acme", Property(finding, "podSecuritySource"));
    }

    [Fact]
    public void A_namespace_after_its_pods_in_the_same_file_judges_them()
    {
        var result = Evaluate(PrivilegedPod + "\n---\n" + Namespace(("enforce", "baseline")).TrimEnd('-', '\n'), null);

        Assert.Single(Pss(result), f => f.Check == "privileged");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void The_first_definition_of_a_namespace_in_input_order_decides_whatever_the_parallelism(int parallelism)
    {
        var sources = new[]
        {
            PolicyKit.Policies.Loading.ManifestSource.FromText("a-namespace.yaml", Namespace(("enforce", "privileged")).TrimEnd('-', '\n')),
            PolicyKit.Policies.Loading.ManifestSource.FromText("b-pod.yaml", PrivilegedPod),
            PolicyKit.Policies.Loading.ManifestSource.FromText("c-namespace.yaml", Namespace(("enforce", "baseline")).TrimEnd('-', '\n')),
        };

        var result = PolicyEngine.Evaluate(new EvaluationRequest(sources, PolicyConfig.Defaults("/")) { MaxParallelism = parallelism });

        Assert.Empty(Pss(result));
    }

    [Fact]
    public void The_namespace_label_wins_over_the_command_line_which_fills_in_for_other_namespaces()
    {
        var cli = At(PodSecurityLevel.Restricted, "v1.30");
        var labelled = Evaluate(Namespace(("enforce", "baseline")) + RootPod, cli);
        Assert.Empty(Pss(labelled));

        var unlabelled = Evaluate(RootPod, cli);
        var finding = Assert.Single(Pss(unlabelled), f => f.Check == "runAsUser");
        Assert.Equal("cli", Property(finding, "podSecuritySource"));
    }

    [Fact]
    public void The_command_line_version_alone_fills_in_the_version_of_a_level_only_label()
    {
        var result = Evaluate(Namespace(("enforce", "restricted")) + RootPod, new PodSecuritySettings(null, PodSecurityVersion.Of(22)));

        Assert.DoesNotContain(Pss(result), f => f.Check == "runAsUser");
        Assert.Contains(Pss(result), f => f.Check == "runAsNonRoot" && Property(f, "podSecurityVersion") == "v1.22");
    }

    [Fact]
    public void Policy_settings_layer_command_line_over_environment_over_policy_field_by_field()
    {
        var environment = new PolicyEnvironment("production", new[] { new PathGlob("prod/**") }, false, Severity.High, new Dictionary<string, RuleOverride>())
        {
            PodSecurity = new PodSecuritySettings(PodSecurityLevel.Restricted, null),
        };
        var config = new PolicyConfig(null, "/", System.Array.Empty<PackSelection>(), System.Array.Empty<string>(), Severity.High, new[] { environment }, new Dictionary<string, RuleOverride>(), System.Array.Empty<PathGlob>(), PolicyKit.Policies.Loading.LoaderLimits.Default)
        {
            PodSecurity = new PodSecuritySettings(PodSecurityLevel.Baseline, PodSecurityVersion.Of(22)),
        };

        // outside the environment: the policy-wide baseline:v1.22
        var staging = PolicyEngine.Evaluate(new EvaluationRequest(new[] { PolicyKit.Policies.Loading.ManifestSource.FromText("staging/pod.yaml", RootPod) }, config));
        Assert.DoesNotContain(staging.Findings, f => f.Check is not null);

        // production: restricted from the environment, v1.22 from the policy
        var production = PolicyEngine.Evaluate(new EvaluationRequest(new[] { PolicyKit.Policies.Loading.ManifestSource.FromText("prod/pod.yaml", RootPod) }, config) { Environment = "production" });
        var finding = Assert.Single(production.Findings, f => f.Check == "runAsNonRoot");
        Assert.Equal("environment:production", Property(finding, "podSecuritySource"));
        Assert.Equal("v1.22", Property(finding, "podSecurityVersion"));
        Assert.DoesNotContain(production.Findings, f => f.Check == "runAsUser");

        // the command line replaces the version only
        var cli = PolicyEngine.Evaluate(new EvaluationRequest(new[] { PolicyKit.Policies.Loading.ManifestSource.FromText("prod/pod.yaml", RootPod) }, config)
        {
            Environment = "production",
            PodSecurity = new PodSecuritySettings(null, PodSecurityVersion.Of(23)),
        });
        Assert.Contains(cli.Findings, f => f.Check == "runAsUser" && Property(f, "podSecurityLevel") == "restricted");
    }
}
