using System.Linq;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.Platform;

/// <summary>
/// Platform rules that follow references (route → middleware, ExternalSecret → store) judge the whole input: the
/// referenced object may sit in any file, and where the input holds none of that namespace's objects they stay quiet.
/// </summary>
public sealed class CrossFileReferenceTests
{
    private const string Route = """
        apiVersion: traefik.io/v1alpha1
        kind: IngressRoute
        metadata:
          name: odoo
          namespace: odoo-acme
        spec:
          entryPoints: [websecure]
          routes:
            - match: Host(`erp.acme.example`)
              kind: Rule
              middlewares:
                - name: security-headers
              services:
                - name: odoo
                  port: 8069
          tls: {}
        """;

    private static string Middleware(string name) => $"""
        apiVersion: traefik.io/v1alpha1
        kind: Middleware
        metadata:
          name: {name}
          namespace: odoo-acme
        spec:
          headers:
            stsSeconds: 31536000
        """;

    [Fact]
    public void A_middleware_defined_in_another_file_satisfies_the_route()
    {
        var result = Evaluate.Sources(
            ManifestSource.FromText("routes/odoo.yaml", Route),
            ManifestSource.FromText("middlewares/headers.yaml", Middleware("security-headers")));

        Assert.DoesNotContain(result.Findings, f => f.RuleId is "PK8103" or "PK8104");
    }

    [Fact]
    public void A_missing_middleware_is_reported_in_the_route_file_at_its_name()
    {
        var result = Evaluate.Sources(
            ManifestSource.FromText("routes/odoo.yaml", Route),
            ManifestSource.FromText("middlewares/headers.yaml", Middleware("compress")));

        var finding = Assert.Single(result.Findings, f => f.RuleId == "PK8104");
        Assert.Equal("routes/odoo.yaml", finding.File);
        Assert.Equal(12, finding.Line);
        Assert.Equal("spec.routes[0].middlewares[name=security-headers]", finding.FieldPath);
    }

    [Fact]
    public void Without_the_namespace_middlewares_in_the_input_the_route_is_not_judged()
    {
        var result = Evaluate.Sources(ManifestSource.FromText("routes/odoo.yaml", Route));

        Assert.DoesNotContain(result.Findings, f => f.RuleId is "PK8103" or "PK8104" or "PK8105");
    }

    [Fact]
    public void The_finding_keeps_its_fingerprint_when_files_are_reordered_or_the_middleware_moves()
    {
        var first = Evaluate.Sources(
            ManifestSource.FromText("routes/odoo.yaml", Route),
            ManifestSource.FromText("middlewares/headers.yaml", Middleware("compress")));
        var second = Evaluate.Sources(
            ManifestSource.FromText("elsewhere/compress.yaml", "# moved\n" + Middleware("compress")),
            ManifestSource.FromText("routes/odoo.yaml", Route));

        Assert.Equal(
            first.Findings.Single(f => f.RuleId == "PK8104").Fingerprint,
            second.Findings.Single(f => f.RuleId == "PK8104").Fingerprint);
    }

    [Fact]
    public void Different_missing_middlewares_have_different_fingerprints()
    {
        var twoMissing = Route.Replace("        - name: security-headers", "        - name: security-headers\n        - name: rate-limit");
        var result = Evaluate.Sources(
            ManifestSource.FromText("routes/odoo.yaml", twoMissing),
            ManifestSource.FromText("middlewares/headers.yaml", Middleware("compress")));

        var fingerprints = result.Findings.Where(f => f.RuleId == "PK8104").Select(f => f.Fingerprint).ToList();
        Assert.Equal(2, fingerprints.Count);
        Assert.NotEqual(fingerprints[0], fingerprints[1]);
    }
}
