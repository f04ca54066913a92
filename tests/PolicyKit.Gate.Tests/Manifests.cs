namespace PolicyKit.Gate.Tests;

/// <summary>
/// The few manifests the tests share. Each violates exactly one rule (or none), so a test can tell which finding it
/// is looking at and whether it blocks under the default threshold (high).
/// </summary>
internal static class Manifests
{
    /// <summary>PK1014 (high, category network) at line 7, column 9: the value of <c>spec.type</c>.</summary>
    public const string NodePortService = """
        apiVersion: v1
        kind: Service
        metadata:
          name: odoo-debug
          namespace: odoo
        spec:
          type: NodePort
          selector:
            app: odoo
          ports:
            - port: 8069

        """;

    /// <summary>A hardened Odoo Deployment whose only fault is PK1001 (medium, provenance) at line 20, column 18: the image has no digest.</summary>
    public const string UnpinnedDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: odoo
          namespace: odoo
        spec:
          selector:
            matchLabels:
              app: odoo
          template:
            metadata:
              labels:
                app: odoo
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
              containers:
                - name: odoo
                  image: odoo:17.0
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                  resources:
                    requests:
                      cpu: 500m
                      memory: 1Gi
                    limits:
                      memory: 2Gi
                  livenessProbe:
                    httpGet:
                      path: /web/health
                      port: 8069
                  readinessProbe:
                    httpGet:
                      path: /web/health
                      port: 8069

        """;

    /// <summary>The same Deployment with its image pinned by digest: no findings at all.</summary>
    public static readonly string PinnedDeployment = UnpinnedDeployment.Replace(
        "image: odoo:17.0",
        "image: odoo:17.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
}
