using System.Linq;
using Xunit;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// Cross-resource rules through the real gate: a kustomize overlay's rendered resources join like plain files, and the
/// finding is mapped back to the line a person edits, as every rendered finding is.
/// </summary>
public sealed class CrossResourceTests
{
    private const string NoKubectl = "kubectl is not installed on this machine; the kustomize rendering tests need it";

    private const string Config = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: odoo-conf}
        data:
          odoo.conf: |
            [options]
            workers = 2
            proxy_mode = False
        """;

    private const string Odoo = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: odoo}
        spec:
          selector: {matchLabels: {app: odoo}}
          template:
            metadata: {labels: {app: odoo}}
            spec:
              containers:
                - name: odoo
                  image: odoo:17.0
                  volumeMounts: [{name: conf, mountPath: /etc/odoo}]
              volumes:
                - {name: conf, configMap: {name: odoo-conf}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: odoo}
        spec:
          selector: {app: odoo}
          ports: [{name: http, port: 8069}]
        ---
        apiVersion: traefik.io/v1alpha1
        kind: IngressRoute
        metadata: {name: odoo}
        spec:
          routes:
            - match: Host(`erp.example.com`)
              kind: Rule
              services: [{name: odoo, port: 8069}]
        """;

    [SkippableFact]
    public void A_cross_resource_finding_in_a_kustomize_render_points_at_the_source_line()
    {
        Skip.IfNot(Tools.OnPath("kubectl"), NoKubectl);
        using var folder = new TempDirectory();
        folder.Write("tenant/kustomization.yaml", "namespace: shop\nresources: [config.yaml, odoo.yaml]\n");
        folder.Write("tenant/config.yaml", Config);
        folder.Write("tenant/odoo.yaml", Odoo);

        var run = folder.Run("check", ".", "--format", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        var finding = Assert.Single(JsonReport.Findings(run.StandardOutput), f => f.GetProperty("ruleId").GetString() == "PK8001");
        Assert.Equal("tenant/config.yaml", JsonReport.File(finding));
        Assert.Equal(folder.LineOf("tenant/config.yaml", "proxy_mode = False"), JsonReport.Line(finding));
        Assert.Contains("Deployment shop/odoo", finding.GetProperty("message").GetString());
    }
}
