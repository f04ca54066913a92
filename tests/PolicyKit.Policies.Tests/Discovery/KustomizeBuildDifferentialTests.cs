using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Discovery;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Tests.Exceptions;
using PolicyKit.Policies.Yaml;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Discovery;

/// <summary>
/// The in-process build of simple kustomizations must print what <c>kubectl kustomize</c> prints: every overlay here is
/// built both ways through discovery and the two outputs compared as the checks read them — the same documents in the
/// same order, the same keys in the same order, and every scalar with the same value, the same plain-or-quoted reading
/// and the same style (a literal block or not). Without kubectl the comparison cannot run and says so.
/// </summary>
public sealed class KustomizeBuildDifferentialTests
{
    private const string Tenant = """
        namespace: odoo-acme
        labels:
          - pairs:
              app.kubernetes.io/part-of: odoo-acme
              acme.example/tenant: acme-distribution
            includeSelectors: false
        resources:
          - namespace.yaml
          - workloads.yaml
          - ./routes.yaml
          - config/odoo.json
        """;

    private const string TenantNamespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: odoo-acme
          labels: {pod-security.kubernetes.io/enforce: restricted, kubernetes.io/metadata.name: odoo-acme}
        ---
        apiVersion: v1
        kind: ResourceQuota
        metadata: {name: quota}
        spec: {hard: {requests.cpu: "8", limits.memory: 32Gi, pods: 40}}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: odoo, namespace: elsewhere}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: odoo}
        subjects:
          - {kind: ServiceAccount, name: default}
          - {kind: ServiceAccount, name: odoo, namespace: other}
          - {kind: ServiceAccount, name: default, namespace: other}
          - {kind: Group, name: admins, apiGroup: rbac.authorization.k8s.io}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: odoo-reader}
        rules: [{apiGroups: [""], resources: [pods], verbs: [get, list]}]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRoleBinding
        metadata: {name: odoo-reader}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: odoo-reader}
        subjects: [{kind: ServiceAccount, name: default, namespace: kube-system}]
        ---
        ---
        apiVersion: v1
        kind: PersistentVolume
        metadata: {name: filestore-pv}
        spec: {capacity: {storage: 100Gi}, accessModes: [ReadWriteMany], nfs: {server: 10.0.0.2, path: /exports/odoo}}
        """;

    private const string TenantWorkloads = """
        # Odoo web, worker and cron
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: odoo-web
          annotations:
            reloader.stakater.com/auto: "true"
        spec:
          replicas: 2.0
          selector:
            matchLabels: {app: odoo, tier: web}
          template:
            metadata:
              labels: {app: odoo, tier: web}
            spec:
              securityContext: {runAsNonRoot: true, runAsUser: 101, fsGroup: 101}
              containers:
                - name: odoo
                  image: "odoo:17.0@sha256:0b1e6b0f4a2c1d3e5f67890abcdef1234567890abcdef1234567890abcdef12"
                  args: ["--proxy-mode", --workers=4, "--db_host", postgres.odoo-acme.svc]
                  ports:
                    - {containerPort: 8069, name: http}
                    - {containerPort: 8072, name: longpolling}
                  env:
                    - {name: PGPORT, value: "5432"}
                    - {name: LIST_DB, value: no}
                    - {name: WORKERS, value: 4}
                    - {name: RATIO, value: 0.50}
                    - {name: SMALL, value: 0.0001}
                    - {name: EMPTY, value: ""}
                    - {name: NOTHING, value: ~}
                    - {name: MISSING}
                    - {name: ON_SWITCH, value: on}
                    - {name: Y, value: y}
                    - {name: QUOTED_TRUE, value: "true"}
                    - {name: TITLE_TRUE, value: True}
                    - {name: COLON, value: "a: b"}
                    - {name: HASH, value: "a #b"}
                    - {name: DASH, value: "- item"}
                    - {name: LEADING, value: "  padded"}
                    - {name: TAB, value: "a\tb"}
                    - {name: UNICODE, value: "Größe – 東京"}
                    - {name: URL, value: "postgres://odoo@db:5432/acme?sslmode=require"}
                    - {name: BRACKET, value: "[not a list]"}
                    - {name: STAR, value: "*"}
                    - {name: SEXAGESIMAL, value: "1:30"}
                    - {name: DATE, value: "2026-12-03"}
                    - {name: HEX, value: "0x1F"}
                  resources:
                    limits: {cpu: 1.50, memory: 2Gi}
                    requests: {cpu: 250m, memory: 1Gi}
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities: {drop: [ALL]}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: filestore-backup}
        spec:
          schedule: "15 2 * * *"
          successfulJobsHistoryLimit: 3
          jobTemplate:
            spec:
              template:
                spec:
                  restartPolicy: OnFailure
                  containers:
                    - name: backup
                      image: rclone/rclone:1.68
                      command: [/bin/sh, -c]
                      args:
                        - |
                          set -eu
                          rclone sync /var/lib/odoo remote:acme-filestore
                        - |-
                          no trailing newline
                          second line
                        - |+
                          kept

                        - "trailing space \nline"
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: redis}
        spec:
          serviceName: redis
          selector: {matchLabels: {app: redis}}
          template:
            metadata: {labels: {app: redis}}
            spec:
              containers: [{name: redis, image: "redis:7.4", args: ["--save", "", "--appendonly", "no"]}]
          volumeClaimTemplates:
            - metadata: {name: data}
              spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: odoo}
        spec:
          selector: {app: odoo, tier: web}
          ports:
            - {name: http, port: 8069, targetPort: http}
            - {name: longpolling, port: 8072, targetPort: 8072}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: odoo-conf}
        data:
          odoo.conf: |
            [options]
            proxy_mode = True
            list_db = False
            workers = 4
          port9: "9"
          port10: "10"
          a-b: x
          a_b: x
          aB: x
          A: x
          _x: x
          1x: x
          "8069": http
          "yes": quoted-key
          x007: a
          x07: b
          x7: c
          on: push
          y: "yes"
          size: 1e3
          ratio: 2.50
        """;

    private const string TenantRoutes = """
        apiVersion: traefik.io/v1alpha1
        kind: IngressRoute
        metadata: {name: odoo}
        spec:
          entryPoints: [websecure]
          routes:
            - match: Host(`erp.acme.example`) && PathPrefix(`/websocket`)
              kind: Rule
              services: [{name: odoo, port: 8072}]
          tls: {secretName: erp-tls}
        ---
        apiVersion: cert-manager.io/v1
        kind: ClusterIssuer
        metadata: {name: letsencrypt}
        spec: {acme: {server: "https://acme-v02.api.letsencrypt.org/directory", privateKeySecretRef: {name: le}}}
        ---
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: guard}
        webhooks: []
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: default-deny}
        spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: allow-ingress}
        spec: {podSelector: {matchLabels: {app: odoo}}, ingress: [{from: [{namespaceSelector: {}}]}]}
        ---
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: odoo-web}
        spec: {minAvailable: 1, selector: {matchLabels: {app: odoo}}}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: odoo-web}
        spec: {scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: odoo-web}, minReplicas: 2, maxReplicas: 6}
        """;

    private const string TenantJson = """
        {"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "odoo-db", "labels": {"tier": "db"}},
         "type": "Opaque", "stringData": {"PGUSER": "odoo", "PGPORT": "5432", "SSL": "on", "COUNT": 3, "RATIO": 1.0}}
        """;

    public static TheoryData<string> Overlays() => new() { "tenant", "templates-and-annotations", "no-namespace", "the-sample" };

    [SkippableTheory]
    [MemberData(nameof(Overlays))]
    public void The_in_process_build_reads_the_same_as_kubectl_kustomize(string overlay)
    {
        Skip.IfNot(KubectlOnPath(), "kubectl is not installed, so there is nothing to compare the in-process build with");

        using var folder = new TempFolder();
        var root = Write(folder, overlay);

        var inProcess = Render(folder.Path, root, inProcessBuild: true);
        var kubectl = Render(folder.Path, root, inProcessBuild: false);

        Assert.True(inProcess.Length > 0 && kubectl.Length > 0);
        var expected = Canonical(kubectl);
        var actual = Canonical(inProcess);
        Assert.True(expected == actual, $"The in-process build differs from kubectl kustomize:\n{FirstDifference(expected, actual)}");
    }

    [Theory]
    [InlineData("patches:\n  - path: patch.yaml\n", "a patch")]
    [InlineData("commonLabels: {team: erp}\n", "commonLabels, which also rewrites selectors")]
    [InlineData("labels: [{pairs: {team: erp}, includeSelectors: true}]\n", "labels that reach selectors")]
    [InlineData("namePrefix: acme-\n", "a name prefix")]
    [InlineData("images: [{name: odoo, newTag: '18.0'}]\n", "an image override")]
    [InlineData("configMapGenerator: [{name: conf, literals: [a=b]}]\n", "a generator")]
    [InlineData("resources: [base]\n", "a base folder")]
    [InlineData("resources: [../outside.yaml]\n", "a file outside the kustomization's folder")]
    [InlineData("resources: [missing.yaml]\n", "a file that does not exist")]
    [InlineData("buildMetadata: [managedByLabel]\n", "other build metadata")]
    [InlineData("namespace: ''\n", "an empty namespace")]
    public void Kustomizations_beyond_files_namespace_and_labels_are_left_to_kustomize(string kustomization, string why)
    {
        using var folder = new TempFolder();
        folder.Write("overlay/web.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata: {a: b}\n");
        folder.Write("overlay/base/kustomization.yaml", "resources: []\n");
        var text = kustomization.StartsWith("resources:", StringComparison.Ordinal) ? kustomization : "resources: [web.yaml]\n" + kustomization;
        folder.Write("overlay/kustomization.yaml", text);

        Assert.True(Build(folder, "overlay") is null, $"{why} was built in process");
    }

    [Theory]
    [InlineData("mode: 0777", "an octal number")]
    [InlineData("size: 2.5e-3", "an exponent")]
    [InlineData("hex: 0x1F", "a hexadecimal number")]
    [InlineData("big: 12345678901234567890", "an integer beyond what JSON keeps exactly")]
    [InlineData("tiny: 0.00001", "a decimal Go prints with an exponent")]
    [InlineData("when: 2026-12-03", "a timestamp")]
    [InlineData("tagged: !!str 42", "an explicit tag")]
    [InlineData("<<: {a: b}", "a merge key")]
    [InlineData("text: |2\n   indented first line\n  second", "a literal block that starts with spaces")]
    public void Values_whose_printed_form_is_uncertain_are_left_to_kustomize(string data, string why)
    {
        using var folder = new TempFolder();
        folder.Write("overlay/web.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata:\n  " + data.Replace("\n", "\n  ") + "\n");
        folder.Write("overlay/kustomization.yaml", "namespace: shop\nresources: [web.yaml]\n");

        Assert.True(Build(folder, "overlay") is null, $"{why} was built in process");
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n", "two objects with one identity")]
    [InlineData("apiVersion: v1\nkind: List\nitems: []\n", "a List")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}}\n", "an object without a name")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, annotations: {config.kubernetes.io/index: '0'}}\n", "kustomize's own annotations")]
    [InlineData("apiVersion: flowcontrol.apiserver.k8s.io/v1\nkind: FlowSchema\nmetadata: {name: a}\n", "a built-in kind whose scope only kustomize's schema knows")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {a: b\n", "a file that does not parse")]
    public void Objects_kustomize_rejects_or_treats_specially_are_left_to_it(string objects, string why)
    {
        using var folder = new TempFolder();
        folder.Write("overlay/objects.yaml", objects);
        folder.Write("overlay/kustomization.yaml", "namespace: shop\nresources: [objects.yaml]\n");

        Assert.True(Build(folder, "overlay") is null, $"{why} was built in process");
    }

    [SkippableFact]
    public void A_resource_reached_through_a_linked_folder_is_left_to_kustomize()
    {
        Skip.If(OperatingSystem.IsWindows(), "creating symbolic links needs privileges on Windows");
        using var folder = new TempFolder();
        folder.Write("elsewhere/web.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: conf}\ndata: {a: b}\n");
        folder.Write("overlay/kustomization.yaml", "namespace: shop\nresources: [config/linked/web.yaml]\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "overlay", "config"));
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "overlay", "config", "linked"), Path.Combine(folder.Path, "elsewhere"));

        Assert.True(Build(folder, "overlay") is null, "a file under a linked folder was built in process");
    }

    [Fact]
    public void A_simple_overlay_is_judged_without_kubectl()
    {
        using var folder = new TempFolder();
        var root = Write(folder, "tenant");
        var empty = Path.Combine(folder.Path, "no-tools");
        Directory.CreateDirectory(empty);

        var source = Assert.Single(Discover(folder.Path, root, new DiscoveryOptions { ToolSearchPath = empty }), s => s.Rendering is not null);

        Assert.Empty(source.KnownProblems);
        var loaded = ManifestLoader.Load(source, LoaderLimits.Default);
        Assert.Equal(19, loaded.Documents.Count);
        Assert.Equal("Namespace", ((MappingNode)loaded.Documents[0].Root).GetString("kind"));
    }

    private static string? Build(TempFolder folder, string overlay)
    {
        var path = Path.Combine(folder.Path, overlay, "kustomization.yaml");
        var kustomization = Kustomization.Read(path, folder.Path, LoaderLimits.Default);
        return PolicyKit.Policies.Discovery.InProcessKustomize.InProcessKustomizeBuild.TryBuild(kustomization, LoaderLimits.Default);
    }

    internal static string Write(TempFolder folder, string overlay)
    {
        switch (overlay)
        {
            case "tenant":
                folder.Write("acme/kustomization.yaml", Tenant);
                break;
            case "templates-and-annotations":
                folder.Write("acme/kustomization.yaml", """
                    apiVersion: kustomize.config.k8s.io/v1beta1
                    kind: Kustomization
                    namespace: odoo-acme
                    commonAnnotations:
                      acme.example/owner: erp-platform
                      acme.example/ticket: "4711"
                    labels:
                      - pairs: {acme.example/tenant: acme}
                        includeTemplates: true
                      - pairs: {acme.example/tier: "1", acme.example/tenant: acme-distribution}
                    resources: [namespace.yaml, workloads.yaml, routes.yaml, config/odoo.json]
                    buildMetadata: [originAnnotations]
                    """);
                break;
            case "no-namespace":
                folder.Write("acme/kustomization.yaml", "resources:\n  - workloads.yaml\n  - routes.yaml\n");
                break;
            case "the-sample":
                var sample = RepositoryPaths.Combine("samples", "odoo-distribution");
                foreach (var file in Directory.GetFiles(sample))
                {
                    folder.Write(Path.Combine("acme", Path.GetFileName(file)), File.ReadAllText(file));
                }

                return "acme";
        }

        folder.Write("acme/namespace.yaml", TenantNamespace);
        folder.Write("acme/workloads.yaml", TenantWorkloads);
        folder.Write("acme/routes.yaml", TenantRoutes);
        folder.Write("acme/config/odoo.json", TenantJson);
        return "acme";
    }

    private static byte[] Render(string tree, string overlay, bool inProcessBuild)
    {
        var source = Assert.Single(Discover(tree, overlay, new DiscoveryOptions { BuildSimpleKustomizationsInProcess = inProcessBuild }), s => s.Rendering is not null);
        Assert.Empty(source.KnownProblems);
        return source.ReadAllBytes();
    }

    private static IReadOnlyList<ManifestSource> Discover(string tree, string overlay, DiscoveryOptions options) =>
        RepositoryDiscovery.Discover(new[] { overlay }, PolicyConfig.Defaults(tree), tree, options).Sources;

    /// <summary>The rendered documents as the checks read them, one line per node.</summary>
    private static string Canonical(byte[] rendered)
    {
        var text = Encoding.UTF8.GetString(rendered);
        var lines = text.Split('\n');
        var loaded = ManifestLoader.Load(ManifestSource.FromBytes("rendered.yaml", rendered), LoaderLimits.Default);
        Assert.Empty(loaded.Problems);
        var output = new StringBuilder();
        foreach (var document in loaded.Documents)
        {
            output.Append("--- document ").Append(document.Index).Append('\n');
            Dump(document.Root, "", lines, output);
        }

        return output.ToString();
    }

    private static void Dump(YamlNode node, string path, string[] lines, StringBuilder output)
    {
        switch (node)
        {
            case MappingNode mapping:
                output.Append(path).Append(" {").Append(string.Join(",", mapping.Entries.Select(e => e.Key.Value))).Append("}\n");
                foreach (var entry in mapping.Entries)
                {
                    Dump(entry.Value, path + "/" + entry.Key.Value, lines, output);
                }

                break;
            case SequenceNode sequence:
                output.Append(path).Append(" [").Append(sequence.Items.Count).Append("]\n");
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Dump(sequence.Items[i], path + "/" + i, lines, output);
                }

                break;
            case ScalarNode scalar:
                var first = lines[scalar.Line - 1].Length >= scalar.Column ? lines[scalar.Line - 1][scalar.Column - 1] : ' ';
                var style = scalar.IsPlain ? "plain" : first == '|' ? "literal" : "quoted";
                output.Append(path).Append(" = ").Append(style).Append(' ').Append(scalar.Value.Replace("\n", "\\n")).Append('\n');
                break;
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var left = i < expectedLines.Length ? expectedLines[i] : "(end)";
            var right = i < actualLines.Length ? actualLines[i] : "(end)";
            if (left != right)
            {
                return $"line {i + 1}\n  kubectl:    {left}\n  in process: {right}";
            }
        }

        return "(none)";
    }

    private static bool KubectlOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(f => File.Exists(Path.Combine(f, "kubectl")));
}
