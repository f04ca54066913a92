namespace PolicyKit.Policies.Tests.CrossResource;

/// <summary>One Odoo tenant split over files as a repository would hold it: config, workload, Service, route.</summary>
internal static class OdooManifests
{
    public static string Config(string proxyMode) => $$"""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: odoo-conf, namespace: shop}
        data:
          odoo.conf: |
            [options]
            workers = 2
            proxy_mode = {{proxyMode}}
        """;

    public const string Deployment = """
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
                  image: odoo:17.0
                  volumeMounts: [{name: conf, mountPath: /etc/odoo}]
              volumes:
                - {name: conf, configMap: {name: odoo-conf}}
        """;

    public const string Service = """
        apiVersion: v1
        kind: Service
        metadata: {name: odoo, namespace: shop}
        spec:
          selector: {app: odoo}
          ports: [{name: http, port: 8069}]
        """;

    public const string Ingress = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata: {name: odoo, namespace: shop}
        spec:
          defaultBackend: {service: {name: odoo, port: {number: 8069}}}
        """;
}
