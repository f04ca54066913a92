using System.Linq;
using System.Text;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Provenance;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Tests.Provenance;

/// <summary>The <c>provenance</c> section of policykit.yaml and how environments, enforcement and evidence combine.</summary>
public sealed class ProvenancePolicyTests
{
    private const string Digest = "sha256:ee1e226c9507810bb036b16f4cf4ab2eb1c7a4d9427675898c51b9347c0caea1";

    private const string Policy = """
        packs:
          - name: provenance
            version: "^1.0"
        provenance:
          identities:
            - identity: https://github.com/acme/odoo-images/.github/workflows/release.yml@refs/heads/main
              issuer: https://token.actions.githubusercontent.com
        environments:
          - name: production
            paths: ["prod/**"]
          - name: development
            paths: ["dev/**"]
            provenance:
              enforcement: warn
        """;

    private static readonly string Manifest = $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: odoo
        spec:
          containers:
            - name: odoo
              image: odoo:17.0@{Digest}
        """;

    [Fact]
    public void Missing_evidence_blocks_in_an_enforcing_environment_and_only_warns_where_enforcement_is_warn()
    {
        var findings = Run(Policy, "[]").Findings.Where(f => f.RuleId == "PK6002").ToList();

        var production = Assert.Single(findings, f => f.Environment == "production");
        var development = Assert.Single(findings, f => f.Environment == "development");
        Assert.True(production.Blocking);
        Assert.False(development.Blocking);
        Assert.Equal((8, 14), (production.Line, production.Column));
        Assert.NotEqual(production.Fingerprint, development.Fingerprint);
    }

    [Fact]
    public void Evidence_from_an_allowed_signer_satisfies_the_policy_in_every_environment()
    {
        var evidence = $"- {{digest: \"{Digest}\", identity: \"https://github.com/acme/odoo-images/.github/workflows/release.yml@refs/heads/main\", issuer: \"https://token.actions.githubusercontent.com\"}}\n";

        Assert.DoesNotContain(Run(Policy, evidence).Findings, f => f.Category == "provenance");
    }

    [Fact]
    public void Summary_counts_images_per_environment_from_deployed_to_SLSA_compliant()
    {
        var evidence = $"- {{digest: \"{Digest}\", identity: \"https://github.com/acme/odoo-images/.github/workflows/release.yml@refs/heads/main\", issuer: \"https://token.actions.githubusercontent.com\"}}\n";

        var figures = Run(Policy, evidence).Provenance.Environments;

        Assert.Equal(new[] { "development", "production" }, figures.Select(f => f.Environment));
        Assert.All(figures, f => Assert.Equal((1, 1, 1, 1, 1, 1), (f.Images, f.Pinned, f.RequiringEvidence, f.Verified, f.AllowedSigner, f.SlsaCompliant)));
        Assert.All(Run(Policy, "[]").Provenance.Environments, f => Assert.Equal((1, 0), (f.RequiringEvidence, f.Verified)));
    }

    [Fact]
    public void Without_an_evidence_source_the_evidence_rules_stay_silent()
    {
        var result = PolicyEngine.Evaluate(new EvaluationRequest(new[] { ManifestSource.FromText("prod/pod.yaml", Manifest) }, Config(Policy)));

        Assert.DoesNotContain(result.Findings, f => f.RuleId == "PK6002");
    }

    [Theory]
    [InlineData("provenance:\n  enforcement: sometimes\n", 2, "enforce or warn")]
    [InlineData("provenance:\n  identities:\n    - identity: x\n", 3, "needs 'issuer'")]
    [InlineData("provenance:\n  signers: []\n", 2, "unknown provenance field 'signers'")]
    [InlineData("provenance:\n  identities:\n    - key: release\n", 3, "is not one of provenance.keys")]
    public void Mistakes_in_the_provenance_section_are_located(string policy, int line, string problem)
    {
        var error = Assert.Throws<PolicyDefinitionException>(() => Config(policy));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Problem, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("odoo:17.0", "docker.io/library/odoo", null)]
    [InlineData("bitnami/redis@" + Digest, "docker.io/bitnami/redis", Digest)]
    [InlineData("registry.example.com:5000/odoo/odoo:17.0@" + Digest, "registry.example.com:5000/odoo/odoo", Digest)]
    [InlineData("localhost/odoo@sha256:abc", "localhost/odoo", null)]
    public void Image_names_are_normalised_as_registries_resolve_them(string image, string name, string? digest)
    {
        var parsed = ImageName.Parse(image);

        Assert.Equal(name, parsed.Name);
        Assert.Equal(digest, parsed.Digest);
    }

    private static PolicyConfig Config(string policy) => PolicyConfigLoader.Parse(Encoding.UTF8.GetBytes(policy), "policykit.yaml", "/repo");

    private static EvaluationResult Run(string policy, string evidence)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policykit-provenance-" + System.Guid.NewGuid().ToString("N"));
        try
        {
            foreach (var environment in new[] { "prod", "dev" })
            {
                System.IO.Directory.CreateDirectory(System.IO.Path.Combine(root, environment));
                System.IO.File.WriteAllText(System.IO.Path.Combine(root, environment, "pod.yaml"), Manifest);
            }

            return PolicyEngine.Evaluate(new EvaluationRequest(
                new[] { ManifestSource.FromFile(System.IO.Path.Combine(root, "prod", "pod.yaml"), "prod/pod.yaml"), ManifestSource.FromFile(System.IO.Path.Combine(root, "dev", "pod.yaml"), "dev/pod.yaml") },
                PolicyConfigLoader.Parse(Encoding.UTF8.GetBytes(policy), "policykit.yaml", root))
            {
                Evidence = RecordedEvidence.Parse(evidence, "evidence.yaml"),
            });
        }
        finally
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
    }
}
