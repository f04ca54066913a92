using System.Linq;
using PolicyKit.Policies.Diff.Access;
using PolicyKit.Policies.Metrics;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>
/// Privileged-access changes per release and environment: the pull-request gate's access diff between consecutive
/// releases, on a real git history whose expected figures are worked out by hand below.
/// </summary>
public sealed class AccessMetricsTests
{
    private const string Policy = ReleaseHistory.CorePolicy + "environments:\n  - name: prod\n    paths: [\"prod/**\"]\n  - name: dev\n    paths: [\"dev/**\"]\n";

    private const string NetworkPolicy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: web-only, namespace: shop}
        spec:
          podSelector: {}
          policyTypes: [Ingress]
          ingress:
            - from: [{podSelector: {matchLabels: {app: web}}}]
        """;

    private const string SecretReader = """
        apiVersion: rbac.authorization.k8s.io/v1
        kind: ClusterRole
        metadata: {name: secret-reader}
        rules:
          - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: default-edits, namespace: shop}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
        subjects:
          - {kind: ServiceAccount, name: default, namespace: shop}
        """;

    private static string Service(string type) => $"apiVersion: v1\nkind: Service\nmetadata: {{name: api, namespace: shop}}\nspec: {{type: {type}, ports: [{{port: 80}}]}}\n";

    private static string PrivilegedWeb() => ReleaseHistory.Deployment("web").Replace(
        "image: nginx:1.25",
        "image: nginx:1.25\n          securityContext:\n            privileged: true\n            capabilities: {add: [NET_ADMIN]}");

    private static ReleaseHistory History()
    {
        var history = new ReleaseHistory();
        history.Write("policykit.yaml", Policy).Write("prod/web.yaml", ReleaseHistory.Deployment("web")).Write("prod/netpol.yaml", NetworkPolicy)
            .Write("dev/api.yaml", ReleaseHistory.Deployment("api")).Write("dev/svc.yaml", Service("ClusterIP")).Commit("2026-02-01", "apps (OPS-1)");
        history.Tag("v1");
        history.Write("prod/web.yaml", PrivilegedWeb()).Write("dev/rbac.yaml", SecretReader).Commit("2026-02-08", "privileges (OPS-2)");
        history.Tag("v2");
        history.Delete("prod/web.yaml").Write("prod/web-deployment.yaml", "# moved\n" + PrivilegedWeb()).Commit("2026-02-15", "move web (OPS-3)");
        history.Tag("v3");
        history.Delete("prod/netpol.yaml").Write("dev/svc.yaml", Service("LoadBalancer")).Write("dev/rbac.yaml", SecretReader.Replace("verbs: [get, list]", "verbs: [get, list, watch]"))
            .Commit("2026-02-22", "open up (OPS-4)");
        history.Tag("v4");
        history.Commit("2026-03-01", "release train (OPS-5)");
        history.Tag("v5");
        return history;
    }

    [GitFact]
    public void Each_release_counts_the_privileges_it_granted_or_widened_and_the_protections_it_removed_per_environment()
    {
        using var history = History();

        var report = history.Measure();

        // v1 is compared with nothing. v2: web turns privileged and adds NET_ADMIN (prod: 2); a new ClusterRole reads
        // Secrets and a new RoleBinding grants edit to shop's default service account, which is both an admin-level
        // binding and a broad subject (dev: 3). v3 only moves web to another file: nothing. v4: the NetworkPolicy is
        // deleted (prod: 1), the Service becomes a LoadBalancer and the ClusterRole may also watch Secrets (dev: 2).
        // v5 changes nothing.
        Assert.Equal(new[] { 0, 5, 0, 3, 0 }, report.Releases.Select(r => r.Access.Single(a => a.Environment == "all").Count));
        Assert.Equal(new[] { 0, 2, 0, 1, 0 }, report.Releases.Select(r => r.Access.Single(a => a.Environment == "prod").Count));
        Assert.Equal(new[] { 0, 3, 0, 2, 0 }, report.Releases.Select(r => r.Access.Single(a => a.Environment == "dev").Count));
        Assert.Equal(8, report.AccessChanges);

        var v2 = report.Releases[1].Access[^1];
        Assert.Equal((3, 2, 0), (v2.In(AccessArea.Rbac), v2.In(AccessArea.Workload), v2.In(AccessArea.Network)));
        Assert.Equal(
            new[]
            {
                ("dev", AccessFactKinds.Secrets, "dev/rbac.yaml", 5, "none", "get, list"),
                ("dev", AccessFactKinds.PowerfulRoleBinding, "dev/rbac.yaml", 10, "none", "ServiceAccount shop/default"),
                ("dev", AccessFactKinds.BroadSubjectBinding, "dev/rbac.yaml", 12, "none", "ClusterRole edit"),
                ("prod", AccessFactKinds.Privileged, "prod/web.yaml", 17, "none", "true"),
                ("prod", AccessFactKinds.AddedCapabilities, "prod/web.yaml", 18, "none", "NET_ADMIN"),
            },
            v2.Changes.Select(c => (c.Environment, c.Change.Kind, c.Change.File, c.Change.Line, c.Change.Before, c.Change.After)));

        var v4 = report.Releases[3].Access[^1];
        Assert.Equal((1, 0, 2), (v4.In(AccessArea.Rbac), v4.In(AccessArea.Workload), v4.In(AccessArea.Network)));
        var removed = v4.Changes.Single(c => c.Environment == "prod").Change;
        Assert.Equal((AccessFactKinds.NetworkPolicy, "prod/netpol.yaml", true, "removed"), (removed.Kind, removed.File, removed.Removed, removed.After));
        var widened = v4.Changes.Single(c => c.Change.Kind == AccessFactKinds.Secrets).Change;
        Assert.Equal(("get, list", "get, list, watch"), (widened.Before, widened.After));
        Assert.Contains(v4.Changes, c => c.Change.Kind == AccessFactKinds.ServiceExposed && c.Change.Before == "none" && c.Change.After == "LoadBalancer");
    }

    [GitFact]
    public void An_environment_filter_keeps_only_that_environments_changes()
    {
        using var history = History();

        var report = MetricsBuilder.Build(new MetricsRequest(history.Path, ReleaseSelection.Parse("tags")) { Environments = new[] { "prod" } }, "repo");

        Assert.Equal(new[] { 0, 2, 0, 1, 0 }, report.Releases.Select(r => r.Access[^1].Count));
        Assert.All(report.Releases.SelectMany(r => r.Access[^1].Changes), c => Assert.Equal("prod", c.Environment));
    }

    [GitFact]
    public void A_release_whose_policy_cannot_be_read_is_skipped_and_the_next_is_compared_with_the_last_judged_one()
    {
        using var history = new ReleaseHistory();
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Write("web.yaml", ReleaseHistory.Deployment("web")).Commit("2026-02-01", "web (OPS-1)");
        history.Tag("v1");
        history.Write("policykit.yaml", "packs: [\n").Write("web.yaml", PrivilegedWeb()).Commit("2026-02-08", "broken policy (OPS-2)");
        history.Tag("v2");
        history.Write("policykit.yaml", ReleaseHistory.CorePolicy).Commit("2026-02-15", "policy repaired (OPS-3)");
        history.Tag("v3");

        var report = history.Measure();

        // v2 cannot be judged (no figure); v3 holds what v2 brought, against v1: privileged and NET_ADMIN.
        Assert.Equal(new[] { "fail", "error", "fail" }, report.Releases.Select(r => r.Verdict));
        Assert.Equal(new[] { 0, 0, 2 }, report.Releases.Select(r => r.Access[^1].Count));
    }
}
