using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.CrossResource;

/// <summary>
/// Rules that need several resources are judged once every file is read, over compact facts, and report at the field
/// that must change, in whichever file holds it (PK8001 proxy_mode is the rule that proves the phase).
/// </summary>
public sealed class CrossResourcePhaseTests
{
    private const string ProxyModeRule = "PK8001";

    private static ManifestSource File(string name, string text) => ManifestSource.FromText(name, text);

    private static EvaluationResult Run(IEnumerable<ManifestSource> sources, EvaluationReuse? reuse = null) =>
        PolicyEngine.Evaluate(new EvaluationRequest(sources.ToList(), PolicyConfig.Defaults("/")) { Reuse = reuse });

    private static ManifestSource[] Tenant(string proxyMode = "False", string ingress = OdooManifests.Ingress) => new[]
    {
        File("config.yaml", OdooManifests.Config(proxyMode)),
        File("odoo.yaml", OdooManifests.Deployment),
        File("service.yaml", OdooManifests.Service),
        File("ingress.yaml", ingress),
    };

    private static List<Finding> ProxyMode(EvaluationResult result) => result.Findings.Where(f => f.RuleId == ProxyModeRule).ToList();

    [Fact]
    public void A_finding_joining_four_files_is_located_at_the_option_in_the_config_map_file()
    {
        var finding = Assert.Single(ProxyMode(Run(Tenant())));

        Assert.Equal("config.yaml", finding.File);
        Assert.Equal(8, finding.Line);
        Assert.Equal(18, finding.Column);
        Assert.Equal("data[odoo.conf].options.proxy_mode", finding.FieldPath);
        Assert.Equal("ConfigMap", finding.Resource!.Kind);
        Assert.Contains("Ingress shop/odoo", finding.Message);
    }

    [Fact]
    public void The_fingerprint_survives_reordering_and_moving_the_resources_between_files()
    {
        var original = Assert.Single(ProxyMode(Run(Tenant())));
        var together = string.Join("\n---\n", OdooManifests.Ingress, OdooManifests.Service, OdooManifests.Deployment, "# moved\n" + OdooManifests.Config("False"));
        var moved = Assert.Single(ProxyMode(Run(new[] { File("all.yaml", together) })));

        Assert.Equal(original.Fingerprint, moved.Fingerprint);
        Assert.NotEqual(original.Line, moved.Line);
    }

    [Fact]
    public void Without_the_route_or_with_proxy_mode_on_nothing_is_reported()
    {
        Assert.Empty(ProxyMode(Run(Tenant().Where(s => s.DisplayPath != "ingress.yaml"))));
        Assert.Empty(ProxyMode(Run(Tenant(proxyMode: "True"))));
    }

    [Fact]
    public void A_service_in_another_namespace_does_not_join_the_route()
    {
        var elsewhere = OdooManifests.Service.Replace("namespace: shop", "namespace: other");
        var sources = Tenant().Select(s => s.DisplayPath == "service.yaml" ? File("service.yaml", elsewhere) : s);

        Assert.Empty(ProxyMode(Run(sources)));
    }

    [Fact]
    public void The_same_input_gives_the_same_findings_in_the_same_order()
    {
        var first = Run(Tenant()).Findings.Select(f => (f.RuleId, f.File, f.Line, f.Fingerprint)).ToList();
        var second = Run(Tenant().Reverse()).Findings.Select(f => (f.RuleId, f.File, f.Line, f.Fingerprint)).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void A_reused_file_still_brings_its_facts_so_the_verdict_follows_the_changed_file()
    {
        var previous = Run(Tenant(ingress: "# no route yet\n" + OdooManifests.Service));
        Assert.Empty(ProxyMode(previous));

        // Only the route file changed: the ConfigMap, Deployment and Service outcomes are taken over from the earlier run.
        var unchanged = new[] { "config.yaml", "odoo.yaml", "service.yaml" };
        var withRoute = Run(Tenant(), new EvaluationReuse(previous, unchanged));

        Assert.Equal(3, withRoute.FilesReused);
        var finding = Assert.Single(ProxyMode(withRoute));
        Assert.Equal("config.yaml", finding.File);

        // And back: dropping the route in a later change drops the finding, although config.yaml is reused again.
        var routeRemoved = Run(Tenant(ingress: "# route removed\n" + OdooManifests.Service), new EvaluationReuse(withRoute, unchanged));
        Assert.Equal(3, routeRemoved.FilesReused);
        Assert.Empty(ProxyMode(routeRemoved));
    }

    [Fact]
    public void Every_collector_in_the_engine_is_registered()
    {
        var collectors = typeof(FactCollector).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(FactCollector).IsAssignableFrom(t))
            .Select(t => t.Name)
            .OrderBy(n => n, System.StringComparer.Ordinal);

        Assert.Equal(collectors, FactCollectors.Names.OrderBy(n => n, System.StringComparer.Ordinal));
    }

    [Fact]
    public void A_run_without_cross_resource_rules_records_no_facts()
    {
        var config = PolicyConfigLoader.FromText("packs: [{name: core, version: '^1.0'}]\n", "policykit.yaml", "/");
        var result = PolicyEngine.Evaluate(new EvaluationRequest(Tenant(), config));

        Assert.All(result.Files, f => Assert.Empty(f.Facts));
        Assert.Empty(ProxyMode(result));
    }
}
