using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Reports;

/// <summary>
/// The <c>openreports</c> and <c>policyreport</c> outputs are valid against the upstream custom resource definitions
/// (Schemas/crds, with their source commits and licences), as a cluster with strict field validation would check them.
/// </summary>
public sealed class KubernetesReportCrdTests
{
    private static readonly Dictionary<KubernetesReportFlavor, CustomResourceSchema[]> Schemas = new()
    {
        [KubernetesReportFlavor.OpenReports] = new[] { Crd("openreports.io_reports.yaml", "v1alpha1"), Crd("openreports.io_clusterreports.yaml", "v1alpha1") },
        [KubernetesReportFlavor.PolicyReport] = new[] { Crd("wgpolicyk8s.io_policyreports.yaml", "v1alpha2"), Crd("wgpolicyk8s.io_clusterpolicyreports.yaml", "v1alpha2") },
    };

    public static TheoryData<KubernetesReportFlavor, string> Cases()
    {
        var data = new TheoryData<KubernetesReportFlavor, string>();
        foreach (var flavor in new[] { KubernetesReportFlavor.OpenReports, KubernetesReportFlavor.PolicyReport })
        {
            foreach (var input in new[] { "pull-request", "odoo-sample", "unreadable-file" })
            {
                data.Add(flavor, input);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_report_in_the_list_is_valid_against_its_custom_resource_definition(KubernetesReportFlavor flavor, string input)
    {
        using var document = JsonDocument.Parse(Write(Result(input), flavor));
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            var schema = Assert.Single(Schemas[flavor], s => s.Kind == item.GetProperty("kind").GetString());
            Assert.Empty(schema.Violations(item));
        }
    }

    [Fact]
    public void The_pull_request_reports_hold_both_scopes_and_a_waived_result()
    {
        // The valid case above must cover a cluster report, a namespaced one and a skip, or it proves less than it says.
        using var document = JsonDocument.Parse(Write(Result("pull-request"), KubernetesReportFlavor.PolicyReport));
        var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();

        Assert.Equal(new[] { "ClusterPolicyReport", "PolicyReport" }, items.Select(i => i.GetProperty("kind").GetString()).ToArray());
        Assert.Contains(items.SelectMany(i => i.GetProperty("results").EnumerateArray()), r => r.GetProperty("result").GetString() == "skip");
    }

    [Theory]
    [InlineData("/results/0/result", "\"blocked\"")]
    [InlineData("/results/0/severity", "\"urgent\"")]
    [InlineData("/results/0/properties/line", "12")]
    [InlineData("/results/0/timestamp/seconds", "\"now\"")]
    [InlineData("/results/0/fingerprint", "\"abc\"")]
    [InlineData("/summary/failed", "1")]
    [InlineData("/metadata/name", "\"PolicyKit_Shop\"")]
    public void The_validator_rejects_what_the_definitions_do_not_allow(string pointer, string value)
    {
        using var document = JsonDocument.Parse(Write(Result("pull-request"), KubernetesReportFlavor.OpenReports));
        var item = JsonNode.Parse(document.RootElement.GetProperty("items")[1].GetRawText())!;
        var segments = pointer.Trim('/').Split('/');
        var parent = segments[..^1].Aggregate(item, (node, segment) => int.TryParse(segment, out var index) ? node[index]! : node[segment]!);
        parent[segments[^1]] = JsonNode.Parse(value);
        var schema = Schemas[KubernetesReportFlavor.OpenReports].Single(s => s.Kind == "Report");

        using var changed = JsonDocument.Parse(item.ToJsonString());
        Assert.NotEmpty(schema.Violations(changed.RootElement));
    }

    [Fact]
    public void A_cluster_report_with_a_namespace_is_rejected()
    {
        using var document = JsonDocument.Parse(Write(Result("pull-request"), KubernetesReportFlavor.OpenReports));
        var item = JsonNode.Parse(document.RootElement.GetProperty("items")[0].GetRawText())!;
        item["metadata"]!["namespace"] = "shop";
        var schema = Schemas[KubernetesReportFlavor.OpenReports].Single(s => s.Kind == "ClusterReport");

        using var changed = JsonDocument.Parse(item.ToJsonString());
        Assert.Contains("/metadata/namespace: a cluster-scoped kind has no namespace", schema.Violations(changed.RootElement));
    }

    private static CustomResourceSchema Crd(string file, string version) =>
        CustomResourceSchema.Load(Path.Combine(System.AppContext.BaseDirectory, "Schemas", "crds", file), version);

    private static EvaluationResult Result(string input) => input switch
    {
        "pull-request" => SampleChange.Review().Head,
        "odoo-sample" => Sample(),
        _ => Evaluate.Sources(ManifestSource.FromText("broken.yaml", "kind: [\n"), ManifestSource.FromText("web.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers:\n    - {name: web, image: odoo:17.0, securityContext: {privileged: true}}\n")),
    };

    private static EvaluationResult Sample()
    {
        var sample = RepositoryPaths.Combine("samples", "odoo-distribution");
        var config = PolicyConfigLoader.Load(Path.Combine(sample, PolicyConfig.FileName), "samples/odoo-distribution/policykit.yaml");
        return PolicyEngine.Evaluate(new EvaluationRequest(InputCollector.Collect(new[] { sample }, config, RepositoryPaths.Root), config));
    }

    private static string Write(EvaluationResult result, KubernetesReportFlavor flavor)
    {
        using var stream = new MemoryStream();
        KubernetesReportWriter.Write(result, flavor, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
