using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Tests.Configuration;

/// <summary>
/// policykit.yaml chooses a hosting profile per environment (docs/configuration.md); a rule may name the profiles it
/// applies to (docs/rule-format.md). Both are validated with located errors.
/// </summary>
public sealed class HostingProfileTests
{
    private const string Pack = "name: tenancy-test\nversion: 1.0.0\n";

    private const string ProfileRule = """
        id: PK0990
        title: Latest tag in a multi-tenant environment
        category: workload
        severity: high
        since: 1.0.0
        check: image-tag
        profiles: [multi-tenant]
        message: 'container {container} uses {image}'
        rationale: test
        remediation: test
        examples:
          pass:
            - manifest: |
                apiVersion: v1
                kind: Pod
                metadata: {name: a}
                spec: {containers: [{name: a, image: "nginx:1.27"}]}
          fail:
            - manifest: |
                apiVersion: v1
                kind: Pod
                metadata: {name: a}
                spec: {containers: [{name: a, image: "nginx:latest"}]}
        """;

    private const string LatestPod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: \"nginx:latest\"}]}\n";

    private static PolicyConfig Policy(string yaml) => PolicyConfigLoader.Parse(Encoding.UTF8.GetBytes(yaml), "policykit.yaml", "/repo");

    private static RulePack LoadPack(string rule) => RulePackLoader.Load("rules/tenancy-test", new[]
    {
        new PackFile("pack.yaml", Encoding.UTF8.GetBytes(Pack)),
        new PackFile("PK0990.yaml", Encoding.UTF8.GetBytes(rule)),
    });

    private static IReadOnlyList<Finding> Judge(string policy, string environment)
    {
        var request = new EvaluationRequest(new[] { ManifestSource.FromText("pod.yaml", LatestPod) }, Policy(policy))
        {
            Catalog = new RuleCatalog(new[] { LoadPack(ProfileRule) }),
            Environment = environment,
        };
        return PolicyEngine.Evaluate(request).Findings.Where(f => f.RuleId == "PK0990").ToList();
    }

    [Fact]
    public void Each_environment_takes_its_own_profile_or_the_policy_wide_one()
    {
        var config = Policy("profile: dedicated\nenvironments:\n  - name: shared\n    profile: multi-tenant\n  - name: acme\n");

        Assert.Equal("dedicated", config.Profile);
        Assert.Equal("multi-tenant", config.Environments[0].Profile);
        Assert.Null(config.Environments[1].Profile);
    }

    [Theory]
    [InlineData("profile: shared\n", 1)]
    [InlineData("environments:\n  - name: prod\n    profile: [dedicated]\n", 3)]
    [InlineData("environments:\n  - name: prod\n    production: maybe\n", 3)]
    public void An_unknown_profile_is_a_located_policy_error(string yaml, int line)
    {
        var exception = Assert.Throws<PolicyDefinitionException>(() => Policy(yaml));

        Assert.Equal("policykit.yaml", exception.File);
        Assert.Equal(line, exception.Line);
    }

    [Fact]
    public void A_rule_naming_an_unknown_profile_does_not_load()
    {
        var exception = Assert.Throws<PolicyDefinitionException>(() => LoadPack(ProfileRule.Replace("profiles: [multi-tenant]", "profiles:\n  - multi-tenant\n  - shared-hosting")));

        Assert.Equal("rules/tenancy-test/PK0990.yaml", exception.File);
        Assert.Equal(9, exception.Line);
        Assert.Contains("shared-hosting", exception.Problem);
    }

    [Fact]
    public void A_rule_for_a_profile_judges_only_environments_with_that_profile()
    {
        const string policy = "environments:\n  - name: shared\n    profile: multi-tenant\n  - name: acme\n    profile: dedicated\n  - name: plain\n";

        Assert.Single(Judge(policy, "shared"));
        Assert.Empty(Judge(policy, "acme"));
        Assert.Empty(Judge(policy, "plain"));
        Assert.Single(Judge("profile: multi-tenant\n", "anywhere"));
    }

    [Theory]
    [InlineData("production", null, true)]
    [InlineData("prod-eu", null, true)]
    [InlineData("acme-production", null, true)]
    [InlineData("staging", null, false)]
    [InlineData("productive-staging", null, false)]
    [InlineData("staging", true, true)]
    [InlineData("production", false, false)]
    [InlineData(null, null, false)]
    public void Production_is_the_environment_flag_else_its_name(string? name, bool? declared, bool expected) =>
        Assert.Equal(expected, ProductionEnvironments.IsProduction(name, declared));
}
