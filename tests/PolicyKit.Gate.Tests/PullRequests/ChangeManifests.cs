namespace PolicyKit.Gate.Tests.PullRequests;

/// <summary>Small manifests for pull-request scenarios: each differs from the others by one judged field.</summary>
internal static class ChangeManifests
{
    /// <summary>
    /// A Deployment that passes the built-in packs except for its image (PK1001 medium without a digest; PK1002 high with
    /// <c>:latest</c>) and, when <paramref name="privileged"/>, PK1007.
    /// </summary>
    public static string Deployment(string name, string image = "registry.acme.example/odoo:17.0", bool privileged = false, string ns = "shop") => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: {{ns}}
        spec:
          template:
            spec:
              automountServiceAccountToken: false
              securityContext:
                runAsNonRoot: true
                seccompProfile: { type: RuntimeDefault }
              containers:
                - name: {{name}}
                  image: {{image}}
                  resources:
                    requests: { cpu: 100m, memory: 128Mi }
                    limits: { memory: 256Mi }
                  livenessProbe: { httpGet: { path: /, port: 8069 } }
                  readinessProbe: { httpGet: { path: /, port: 8069 } }
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: { drop: [ALL] }
                    {{(privileged ? "privileged: true" : "# not privileged")}}
        """;

    /// <summary>The same Deployment as <see cref="Deployment"/> written another way: flow mappings, other key order, a comment.</summary>
    public static string DeploymentReformatted(string name, string image = "registry.acme.example/odoo:17.0", string ns = "shop") => $$"""
        # reformatted by a linter; nothing judged changed
        kind: Deployment
        apiVersion: apps/v1
        metadata: { namespace: {{ns}}, name: {{name}} }
        spec:
          template:
            spec:
              securityContext: { seccompProfile: { type: RuntimeDefault }, runAsNonRoot: true }
              automountServiceAccountToken: false
              containers:
              - image: {{image}}
                name: {{name}}
                securityContext: { capabilities: { drop: [ALL] }, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false }
                readinessProbe: { httpGet: { path: /, port: 8069 } }
                livenessProbe: { httpGet: { path: /, port: 8069 } }
                resources: { limits: { memory: 256Mi }, requests: { memory: 128Mi, cpu: 100m } }
        """;

    public static string Namespace(string name, string? enforce = null) => enforce is null
        ? $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n"
        : $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {name}\n  labels:\n    pod-security.kubernetes.io/enforce: {enforce}\n";
}
