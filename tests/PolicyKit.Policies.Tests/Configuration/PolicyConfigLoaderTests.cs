using System;
using System.IO;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Tests.Configuration;

public sealed class PolicyConfigLoaderTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "pk-config-" + Guid.NewGuid().ToString("N"));

    public PolicyConfigLoaderTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private PolicyConfig Load(string yaml)
    {
        var path = Path.Combine(directory, PolicyConfig.FileName);
        File.WriteAllText(path, yaml);
        return PolicyConfigLoader.Load(path, "policykit.yaml");
    }

    [Fact]
    public void A_full_policy_file_is_read()
    {
        var config = Load("""
            packs:
              - name: core
                version: "^1.0"
            failOn: medium
            environments:
              - name: production
                paths: ["prod/**"]
                failOn: low
                rules:
                  PK1005: { severity: critical }
              - name: staging
                paths: ["staging/**"]
            rules:
              PK1013: { enabled: false }
            exclude: ["charts/**"]
            limits: { maxDepth: 64 }
            """);

        Assert.Equal(Severity.Medium, config.FailOn);
        Assert.Equal("core", Assert.Single(config.Packs).Name);
        Assert.Equal(Severity.Low, config.Environments[0].FailOn);
        Assert.Equal(Severity.Medium, config.Environments[1].FailOn);
        Assert.Equal(Severity.Critical, config.Environments[0].Rules["PK1005"].Severity);
        Assert.False(config.Rules["PK1013"].Enabled);
        Assert.True(config.Exclude[0].IsMatch("charts/odoo/templates/x.yaml"));
        Assert.Equal(64, config.Limits.MaxDepth);
        Assert.Equal(directory, config.RootDirectory);
    }

    [Theory]
    [InlineData("failon: high\n", 1, "unknown policy file field 'failon'")]
    [InlineData("failOn: severe\n", 1, "failOn must be")]
    [InlineData("packs:\n  - name: core\n    version: \">=banana\"\n", 3, "is not a version range")]
    [InlineData("environments:\n  - name: a\n  - name: a\n", 3, "environment 'a' is defined twice")]
    [InlineData("rules:\n  PK1001: { severity: huge }\n", 2, "severity 'huge'")]
    [InlineData("limits:\n  maxDepth: -1\n", 2, "maxDepth must be a positive whole number")]
    [InlineData("failOn: [high\n", 2, "")]
    public void Mistakes_are_reported_with_file_and_line(string yaml, int line, string problem)
    {
        var exception = Assert.Throws<PolicyDefinitionException>(() => Load(yaml));

        Assert.Equal("policykit.yaml", exception.File);
        Assert.Equal(line, exception.Line);
        Assert.Contains(problem, exception.Problem);
    }

    [Fact]
    public void An_override_of_an_unknown_rule_is_reported_at_its_own_line()
    {
        var config = Load("failOn: high\nrules:\n  PK1001: { severity: low }\n  PK1999: { enabled: false }\n");
        var request = new Policies.Evaluation.EvaluationRequest(System.Array.Empty<Policies.Loading.ManifestSource>(), config);

        var exception = Assert.Throws<PolicyDefinitionException>(() => Policies.Evaluation.PolicyEngine.Evaluate(request));

        Assert.Equal(4, exception.Line);
        Assert.Contains("PK1999", exception.Problem);
    }

    [Fact]
    public void Packs_in_rule_paths_join_the_built_in_ones()
    {
        var pack = Directory.CreateDirectory(Path.Combine(directory, "policy", "packs", "acme")).FullName;
        File.WriteAllText(Path.Combine(pack, "pack.yaml"), "name: acme\nversion: 1.0.0\ndescription: House rules.\n");
        File.WriteAllText(Path.Combine(pack, "PK7001-no-nodeport.yaml"), """
            id: PK7001
            title: No NodePort
            category: network
            severity: low
            since: 1.0.0
            check: resource-field
            params: { path: spec.type, mustNotBeOneOf: [NodePort] }
            match: { kinds: [Service] }
            message: 'Service "{name}" is a NodePort'
            rationale: House rule.
            remediation: Use ClusterIP.
            examples:
              pass:
                - manifest: "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n"
              fail:
                - manifest: "apiVersion: v1\nkind: Service\nmetadata: {name: a}\nspec: {type: NodePort}\n"
            """);
        var config = Load("packs:\n  - name: acme\nrulePaths: [policy/packs]\n");
        var source = Policies.Loading.ManifestSource.FromText("svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {type: NodePort}\n");

        var result = Policies.Evaluation.PolicyEngine.Evaluate(new Policies.Evaluation.EvaluationRequest(new[] { source }, config));

        Assert.Equal("acme", Assert.Single(result.Packs).Name);
        Assert.Equal("PK7001", Assert.Single(result.Findings).RuleId);
    }

    [Fact]
    public void The_policy_file_is_found_by_walking_up_from_the_checked_path()
    {
        var nested = Directory.CreateDirectory(Path.Combine(directory, "overlays", "prod")).FullName;
        File.WriteAllText(Path.Combine(directory, PolicyConfig.FileName), "failOn: low\n");

        Assert.Equal(Path.Combine(directory, PolicyConfig.FileName), PolicyConfigLoader.Discover(nested));
    }
}
