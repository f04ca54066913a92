using System.Linq;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Tests.Loading;

/// <summary>YAML as kubectl and the API server read it: directives, comment-only documents, and integral floats.</summary>
public sealed class YamlDetailsTests
{
    private static LoadedManifest Load(string text) => ManifestLoader.Load(ManifestSource.FromText("m.yaml", text), LoaderLimits.Default);

    private static EvaluationResult Restricted(string manifest) => PolicyEngine.Evaluate(
        new EvaluationRequest(new[] { ManifestSource.FromText("pod.yaml", manifest) }, PolicyConfig.Defaults("/"))
        {
            PodSecurity = new PodSecuritySettings(PodSecurityLevel.Restricted, null),
        });

    [Fact]
    public void Yaml_and_tag_directives_parse()
    {
        var loaded = Load("%YAML 1.1\n%TAG !k8s! tag:kubernetes.io,2024:\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo\n");

        Assert.Empty(loaded.Problems);
        var root = (MappingNode)Assert.Single(loaded.Documents).Root;
        Assert.Equal(("ConfigMap", 5), (root.GetString("kind"), root.GetScalar("kind")!.Line));
    }

    [Fact]
    public void A_file_with_only_comments_is_not_empty()
    {
        var loaded = Load("# The Odoo workers live in the workers overlay.\n# Nothing to apply here.\n");

        Assert.Empty(loaded.Problems);
        Assert.Empty(loaded.Documents);
    }

    [Fact]
    public void A_document_with_only_comments_is_skipped_like_kubectl_does()
    {
        var result = Evaluate.Text("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo\n---\n# to do: the worker config\n");

        Assert.DoesNotContain(result.Findings, f => f.Category == "input");
        Assert.Equal(1, result.ResourcesEvaluated);
    }

    [Theory]
    [InlineData("0.0", "0")]
    [InlineData("80.0", "80")]
    [InlineData("8e1", "80")]
    [InlineData("1.5", "1.5")]
    [InlineData("17.0.1", "17.0.1")]
    [InlineData("0x50", "0x50")]
    public void Plain_numbers_read_as_the_api_server_reads_them(string written, string read)
    {
        var root = (MappingNode)Assert.Single(Load("value: " + written + "\nquoted: \"" + written + "\"\n").Documents).Root;

        Assert.Equal(read, root.GetString("value"));
        Assert.Equal(written, root.GetString("quoted"));
    }

    [Fact]
    public void Run_as_user_written_as_a_float_zero_is_judged_as_root()
    {
        var result = Restricted("apiVersion: v1\nkind: Pod\nmetadata:\n  name: odoo\nspec:\n  securityContext:\n    runAsUser: 0.0\n  containers:\n    - name: odoo\n      image: odoo\n");

        var finding = Assert.Single(result.Findings, f => f.RuleId == "PK2016");
        Assert.Equal(7, finding.Line);
    }

    [Fact]
    public void Host_port_written_as_a_float_is_judged_as_that_port()
    {
        var result = Restricted("apiVersion: v1\nkind: Pod\nmetadata:\n  name: odoo\nspec:\n  containers:\n    - name: odoo\n      image: odoo\n      ports:\n        - containerPort: 8069\n          hostPort: 80.0\n");

        var finding = Assert.Single(result.Findings, f => f.RuleId == "PK2005");
        Assert.Contains("80", finding.Message);
    }

    [Fact]
    public void Other_yaml_is_counted_not_reported_while_an_attempted_manifest_still_is()
    {
        var workflow = Evaluate.Text("name: check\non: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n", "ci.yaml");
        var kindless = Evaluate.Text("apiVersion: v1\nmetadata:\n  name: odoo\n", "half.yaml");

        Assert.Empty(workflow.Findings);
        Assert.Equal(new[] { "ci.yaml" }, workflow.OtherYamlFiles);
        Assert.Equal("PK0002", Assert.Single(kindless.Findings).RuleId);
        Assert.Empty(kindless.OtherYamlFiles);
    }
}
