using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.CrossResource;

/// <summary>
/// PK8018 reports each route that serves the database manager, at its match, with a fingerprint of the route's field
/// path: two routes are two findings, and moving or reformatting the route keeps them.
/// </summary>
public sealed class DatabaseManagerRouteTests
{
    private const string Odoo = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: odoo, namespace: shop}
        spec:
          selector: {matchLabels: {app: odoo}}
          template:
            metadata: {labels: {app: odoo}}
            spec:
              containers:
                - name: odoo
                  image: "odoo:17.0"
                  args: ["--proxy-mode", "--workers=2"]
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: odoo, namespace: shop}
        spec:
          selector: {app: odoo}
          ports: [{name: http, port: 8069}]
        """;

    private const string Routes = """
        apiVersion: traefik.io/v1alpha1
        kind: IngressRoute
        metadata: {name: odoo, namespace: shop}
        spec:
          entryPoints: [websecure]
          routes:
            - match: Host(`erp.example.com`) && PathPrefix(`/web`)
              services: [{name: odoo, port: 8069}]
            - match: Host(`erp.example.com`)
              services: [{name: odoo, port: 8069}]
          tls: {secretName: erp-tls}
        """;

    private static List<Finding> Judge(params ManifestSource[] sources) =>
        PolicyEngine.Evaluate(new EvaluationRequest(sources, PolicyConfig.Defaults("/")) { Environment = "production" })
            .Findings.Where(f => f.RuleId == "PK8018").ToList();

    [Fact]
    public void Each_route_serving_the_manager_is_its_own_finding_at_its_match()
    {
        var findings = Judge(ManifestSource.FromText("odoo.yaml", Odoo), ManifestSource.FromText("ingress.yaml", Routes));

        Assert.Equal(new[] { "spec.routes[0].match", "spec.routes[1].match" }, findings.Select(f => f.FieldPath).OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("ingress.yaml", f.File));
        Assert.NotEqual(findings[0].Fingerprint, findings[1].Fingerprint);
    }

    [Fact]
    public void Moving_and_reformatting_the_route_keeps_its_fingerprints()
    {
        var before = Judge(ManifestSource.FromText("odoo.yaml", Odoo), ManifestSource.FromText("ingress.yaml", Routes));
        var moved = Judge(ManifestSource.FromText("all.yaml", "# one file now\n" + Routes.Replace("  tls: {secretName: erp-tls}", "  tls:\n    secretName: erp-tls", System.StringComparison.Ordinal) + "\n---\n" + Odoo));

        Assert.Equal(2, before.Count);
        Assert.Equal(before.Select(f => f.Fingerprint).OrderBy(p => p, System.StringComparer.Ordinal), moved.Select(f => f.Fingerprint).OrderBy(p => p, System.StringComparer.Ordinal));
        Assert.NotEqual(before.Select(f => f.Line).OrderBy(l => l), moved.Select(f => f.Line).OrderBy(l => l));
    }

    [Theory]
    [InlineData("erp.example.com", 0)]
    [InlineData("other.example.com", 1)]
    public void A_deny_backend_for_web_database_blocks_the_general_route_of_its_host(string denyHost, int findings)
    {
        const string general = """
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata: {name: odoo, namespace: shop}
            spec:
              routes:
                - match: Host(`erp.example.com`)
                  services: [{name: odoo, port: 8069}]
            """;
        var deny = $$"""
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata: {name: odoo-db-deny, namespace: shop}
            spec:
              routes:
                - match: Host(`{{denyHost}}`) && PathPrefix(`/web/database`)
                  services: [{name: noop@internal, kind: TraefikService}]
            """;

        var judged = Judge(ManifestSource.FromText("odoo.yaml", Odoo), ManifestSource.FromText("ingress.yaml", general), ManifestSource.FromText("deny.yaml", deny));

        Assert.Equal(findings, judged.Count);
    }
}
