using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.Evaluation;

public sealed class PolicyEngineTests
{
    private const string PrivilegedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: p{0}
        spec:
          containers:
            - name: c
              image: odoo:17.0
              securityContext: {{ privileged: true }}
        """;

    [Fact]
    public void Items_of_a_list_are_evaluated_as_resources()
    {
        var result = Evaluate.Text("""
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Service
                metadata: { name: a }
                spec: { type: NodePort }
              - apiVersion: v1
                kind: Service
                metadata: { name: b }
                spec: { type: LoadBalancer }
            """);

        Assert.Equal(2, result.ResourcesEvaluated);
        Assert.Equal(new[] { "a", "b" }, result.Findings.Where(f => f.RuleId == "PK1014").Select(f => f.Resource!.Name));
    }

    [Fact]
    public void Custom_resources_are_loaded_and_judged_by_kind_agnostic_rules()
    {
        var result = Evaluate.Text("""
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata: { name: odoo, namespace: odoo-acme }
            spec:
              routes:
                - match: Host(`erp.example`)
            """);

        Assert.Equal(1, result.ResourcesEvaluated);
        Assert.DoesNotContain(result.Findings, f => f.Category == "input");
    }

    [Fact]
    public void Finding_order_does_not_depend_on_parallelism()
    {
        var sources = Enumerable.Range(0, 40)
            .Select(i => ManifestSource.FromText($"pods/{i:D2}.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, PrivilegedPod, i)))
            .ToArray();

        string Run(int parallelism) => string.Join("\n", PolicyEngine.Evaluate(new EvaluationRequest(sources, PolicyConfig.Defaults("/")) { MaxParallelism = parallelism })
            .Findings.Select(f => $"{f.File}:{f.Line}:{f.Column} {f.RuleId} {f.Fingerprint}"));

        var sequential = Run(1);
        Assert.Equal(sequential, Run(4));
        Assert.Equal(sequential, Run(2));
    }

    [Fact]
    public void Fingerprints_ignore_line_numbers_but_not_resource_identity()
    {
        var first = Evaluate.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, PrivilegedPod, 1)).Findings.Single(f => f.RuleId == "PK1007");
        var moved = Evaluate.Text("# a comment\n\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, PrivilegedPod, 1)).Findings.Single(f => f.RuleId == "PK1007");
        var other = Evaluate.Text(string.Format(System.Globalization.CultureInfo.InvariantCulture, PrivilegedPod, 2)).Findings.Single(f => f.RuleId == "PK1007");

        Assert.NotEqual(first.Line, moved.Line);
        Assert.Equal(first.Fingerprint, moved.Fingerprint);
        Assert.NotEqual(first.Fingerprint, other.Fingerprint);
    }

    [Fact]
    public void A_disabled_rule_reports_nothing_and_an_override_changes_severity()
    {
        var config = new PolicyConfig(
            null,
            "/",
            System.Array.Empty<PackSelection>(),
            System.Array.Empty<string>(),
            Policies.Rules.Severity.High,
            System.Array.Empty<PolicyEnvironment>(),
            new System.Collections.Generic.Dictionary<string, RuleOverride>
            {
                ["PK1007"] = new(null, false),
                ["PK1009"] = new(Policies.Rules.Severity.Low, null),
            },
            System.Array.Empty<PathGlob>(),
            LoaderLimits.Default);
        var source = ManifestSource.FromText("p.yaml", string.Format(System.Globalization.CultureInfo.InvariantCulture, PrivilegedPod, 1));

        var findings = PolicyEngine.Evaluate(new EvaluationRequest(new[] { source }, config)).Findings;

        Assert.DoesNotContain(findings, f => f.RuleId == "PK1007");
        var runAsNonRoot = findings.Single(f => f.RuleId == "PK1009");
        Assert.Equal(Policies.Rules.Severity.Low, runAsNonRoot.Severity);
        Assert.False(runAsNonRoot.Blocking);
    }
}
