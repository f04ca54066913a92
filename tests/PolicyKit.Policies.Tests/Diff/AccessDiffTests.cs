using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Diff.Access;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Tests.Diff;

/// <summary>
/// Privileged-access changes between two evaluations: each privilege the head grants that the base did not, with the
/// state before and after and the place in the head's file that grants it.
/// </summary>
public sealed class AccessDiffTests
{
    private static IReadOnlyList<AccessChange> Changes(string before, string after, string file = "rbac.yaml") =>
        AccessDiff.Compare(Facts(before, file), Facts(after, file));

    private static IReadOnlyList<AccessFact> Facts(string manifest, string file) =>
        manifest.Length == 0
            ? new List<AccessFact>()
            : PolicyEngine.Evaluate(new EvaluationRequest(new[] { ManifestSource.FromText(file, manifest) }, PolicyConfig.Defaults("/")) { RecordAccess = true }).Access;

    private static (string Kind, string Before, string After, int Line, int Column) Only(IReadOnlyList<AccessChange> changes)
    {
        var change = Assert.Single(changes);
        return (change.Kind, change.Before, change.After, change.Line, change.Column);
    }

    private static string Role(string resources, string verbs, string kind = "Role") => $"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: {kind}
        metadata: {(kind == "Role" ? "{name: app, namespace: shop}" : "{name: app}")}
        rules:
          - apiGroups: [""]
            resources: {resources}
            verbs: {verbs}
        """;

    private static string Binding(string role, string subject) => $"""
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {"{name: app, namespace: shop}"}
        roleRef: {"{apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: " + role + "}"}
        subjects:
          - {subject}
        """;

    [Fact]
    public void Reading_secrets_is_a_change_with_the_verbs_before_and_after()
    {
        Assert.Equal(
            ("secrets", "get", "get, list, watch", 7, 12),
            Only(Changes(Role("[secrets]", "[get]"), Role("[secrets, configmaps]", "[get, list, watch]"))));
    }

    [Fact]
    public void Narrowing_access_is_no_change()
    {
        Assert.Empty(Changes(Role("[secrets]", "[get, list]"), Role("[secrets]", "[get]")));
    }

    [Theory]
    [InlineData("[pods]", "[\"*\"]", "wildcard-verbs", 7)]
    [InlineData("[pods/exec]", "[create]", "sensitive-subresource", 6)]
    [InlineData("[pods/attach]", "[create]", "sensitive-subresource", 6)]
    [InlineData("[nodes/proxy]", "[get]", "sensitive-subresource", 6)]
    [InlineData("[serviceaccounts/token]", "[create]", "sensitive-subresource", 6)]
    [InlineData("[roles]", "[escalate]", "escalation-verb", 7)]
    [InlineData("[rolebindings]", "[bind]", "escalation-verb", 7)]
    [InlineData("[users]", "[impersonate]", "escalation-verb", 7)]
    public void Each_powerful_grant_added_to_a_role_is_a_change(string resources, string verbs, string kind, int line)
    {
        var change = Assert.Single(Changes(Role("[configmaps]", "[get]"), Role(resources, verbs)));

        Assert.Equal((kind, AccessArea.Rbac, "rbac.yaml", line), (change.Kind, change.Area, change.File, change.Line));
    }

    [Fact]
    public void A_wildcard_resource_grants_every_resource_including_secrets()
    {
        var kinds = Changes(Role("[configmaps]", "[get]"), Role("[\"*\"]", "[get]")).Select(c => c.Kind).ToArray();

        Assert.Equal(new[] { "secrets", "wildcard-resources" }, kinds.OrderBy(k => k).ToArray());
    }

    [Theory]
    [InlineData("cluster-admin")]
    [InlineData("admin")]
    [InlineData("edit")]
    public void Binding_to_an_admin_level_role_is_a_change_at_the_role_name(string role)
    {
        var change = Assert.Single(Changes(Binding("view", "{kind: ServiceAccount, name: odoo, namespace: shop}"), Binding(role, "{kind: ServiceAccount, name: odoo, namespace: shop}")));

        Assert.Equal(("powerful-role-binding", "none", "ServiceAccount shop/odoo", 4, 73), (change.Kind, change.Before, change.After, change.Line, change.Column));
    }

    [Theory]
    [InlineData("{kind: Group, name: \"system:authenticated\"}", "Group system:authenticated")]
    [InlineData("{kind: Group, name: \"system:serviceaccounts\"}", "Group system:serviceaccounts")]
    [InlineData("{kind: ServiceAccount, name: default, namespace: shop}", "ServiceAccount shop/default")]
    public void Binding_to_a_broad_subject_is_a_change(string subject, string described)
    {
        var change = Assert.Single(Changes(Binding("view", "{kind: ServiceAccount, name: odoo, namespace: shop}"), Binding("view", subject)));

        Assert.Equal(("broad-subject-binding", 6), (change.Kind, change.Line));
        Assert.Contains(described, change.Description);
    }

    private static string Pod(string containerSecurity = "{runAsNonRoot: true}", string automount = "false", string hostField = "hostIPC: false", string volumes = "[]") => $$"""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: shop}
        spec:
          automountServiceAccountToken: {{automount}}
          {{hostField}}
          volumes: {{volumes}}
          containers:
            - name: web
              image: odoo:17.0
              securityContext: {{containerSecurity}}
        """;

    [Theory]
    [InlineData("{runAsNonRoot: true, privileged: true}", "false", "hostIPC: false", "[]", "privileged", 11)]
    [InlineData("{runAsNonRoot: true, capabilities: {add: [NET_ADMIN]}}", "false", "hostIPC: false", "[]", "added-capabilities", 11)]
    [InlineData("{runAsNonRoot: true}", "false", "hostNetwork: true", "[]", "host-namespace", 6)]
    [InlineData("{runAsNonRoot: true}", "false", "hostPID: true", "[]", "host-namespace", 6)]
    [InlineData("{runAsNonRoot: true}", "false", "hostIPC: false", "[{name: docker, hostPath: {path: /var/run/docker.sock}}]", "host-path", 7)]
    [InlineData("{runAsUser: 0}", "false", "hostIPC: false", "[]", "may-run-as-root", 11)]
    [InlineData("{runAsNonRoot: true}", "true", "hostIPC: false", "[]", "token-automount", 5)]
    public void Each_privilege_a_workload_gains_is_a_change_at_its_field(string containerSecurity, string automount, string hostField, string volumes, string kind, int line)
    {
        var change = Assert.Single(Changes(Pod(), Pod(containerSecurity, automount, hostField, volumes), "pod.yaml"));

        Assert.Equal((kind, AccessArea.Workload, "pod.yaml", line), (change.Kind, change.Area, change.File, change.Line));
    }

    [Fact]
    public void A_workload_that_stops_requiring_non_root_may_now_run_as_root()
    {
        Assert.Equal("may-run-as-root", Only(Changes(Pod(), Pod("{}"), "pod.yaml")).Kind);
    }

    [Fact]
    public void A_new_workload_reports_what_it_asks_for_not_what_it_inherits()
    {
        var kinds = Changes(string.Empty, Pod("{privileged: true}", "true"), "pod.yaml").Select(c => c.Kind).ToArray();

        Assert.Equal(new[] { "token-automount", "privileged" }, kinds);
    }

    private const string Policy = """
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: odoo, namespace: shop}
        spec:
          podSelector: {}
          ingress:
            - from: [{podSelector: {matchLabels: {app: traefik}}}]
        """;

    [Fact]
    public void A_removed_network_policy_is_a_change_located_in_the_base()
    {
        var change = Assert.Single(AccessDiff.Compare(Facts(Policy, "netpol.yaml"), Facts("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n", "other.yaml")));

        Assert.Equal(("network-policy", true, "netpol.yaml", 2, "removed"), (change.Kind, change.Removed, change.File, change.Line, change.After));
    }

    [Fact]
    public void A_network_policy_that_stops_restricting_ingress_is_a_change_in_the_head()
    {
        const string both = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: odoo, namespace: shop}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  egress: []\n";

        var change = Assert.Single(Changes(both, both.Replace("policyTypes: [Ingress, Egress]", "policyTypes: [Egress]"), "netpol.yaml"));

        Assert.Equal(("network-policy-direction", "restricted", "removed", false, 2), (change.Kind, change.Before, change.After, change.Removed, change.Line));
        Assert.Equal("NetworkPolicy shop/odoo no longer restricts ingress traffic", change.Description);
    }

    [Theory]
    [InlineData("- {}")]
    [InlineData("- from: [{namespaceSelector: {}}]")]
    [InlineData("- from: [{ipBlock: {cidr: 0.0.0.0/0}}]")]
    public void A_network_policy_opened_to_everyone_is_a_change(string rule)
    {
        var opened = Policy.Replace("- from: [{podSelector: {matchLabels: {app: traefik}}}]", rule);

        Assert.Equal(("network-policy-open", 7), (Only(Changes(Policy, opened, "netpol.yaml")).Kind, Only(Changes(Policy, opened, "netpol.yaml")).Line));
    }

    [Theory]
    [InlineData("NodePort")]
    [InlineData("LoadBalancer")]
    public void A_service_exposed_outside_the_cluster_is_a_change(string type)
    {
        const string service = "apiVersion: v1\nkind: Service\nmetadata: {name: odoo, namespace: shop}\nspec:\n  type: ClusterIP\n  ports: [{port: 8069}]\n";

        Assert.Equal(("service-exposed", "none", type, 5, 9), Only(Changes(service, service.Replace("ClusterIP", type), "svc.yaml")));
    }

    [Fact]
    public void An_ingress_host_without_tls_is_a_change_and_a_traefik_route_without_tls_too()
    {
        const string ingress = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: odoo, namespace: shop}\nspec:\n  tls: [{hosts: [erp.acme.example]}]\n  rules:\n    - host: erp.acme.example\n";
        const string route = "apiVersion: traefik.io/v1alpha1\nkind: IngressRoute\nmetadata: {name: odoo, namespace: shop}\nspec:\n  entryPoints: [websecure]\n  routes: []\n  tls: {secretName: erp-tls}\n";

        var ingressChange = Only(Changes(ingress, ingress + "    - host: shop.acme.example\n", "ingress.yaml"));
        var routeChange = Only(Changes(route, route.Replace("  tls: {secretName: erp-tls}\n", string.Empty), "route.yaml"));

        Assert.Equal(("route-without-tls", 8), (ingressChange.Kind, ingressChange.Line));
        Assert.Equal(("route-without-tls", 6), (routeChange.Kind, routeChange.Line));
    }

    [Fact]
    public void Reordering_rules_and_moving_a_role_to_another_file_is_no_change()
    {
        const string role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: app, namespace: shop}\nrules:\n  - {apiGroups: [\"\"], resources: [secrets], verbs: [get]}\n  - {apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}\n";
        const string reordered = "# moved\napiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {namespace: shop, name: app}\nrules:\n  - {apiGroups: [\"\"], resources: [pods/exec], verbs: [create]}\n  - {apiGroups: [\"\"], resources: [secrets], verbs: [get]}\n";

        Assert.Empty(AccessDiff.Compare(Facts(role, "a.yaml"), Facts(reordered, "b.yaml")));
    }
}
