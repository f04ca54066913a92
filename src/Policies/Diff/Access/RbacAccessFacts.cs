using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Diff.Access;

/// <summary>
/// API access granted by <c>Role</c>/<c>ClusterRole</c> rules (secrets, wildcards, escalate/bind/impersonate, exec-like
/// subresources) and by <c>RoleBinding</c>/<c>ClusterRoleBinding</c> (to admin-level roles or broad subjects).
/// </summary>
internal static class RbacAccessFacts
{
    private static readonly string[] EscalationVerbs = { "escalate", "bind", "impersonate" };

    private static readonly string[] SensitiveSubresources = { "pods/exec", "pods/attach", "nodes/proxy", "serviceaccounts/token" };

    private static readonly string[] PowerfulRoles = { "cluster-admin", "admin", "edit" };

    private static readonly string[] BroadGroups = { "system:authenticated", "system:unauthenticated", "system:serviceaccounts" };

    public static bool Applies(ResourceIdentity identity) =>
        identity.Group == "rbac.authorization.k8s.io" && identity.Kind is "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding";

    public static void Collect(Resource resource, List<AccessFact> facts)
    {
        if (resource.Identity.Kind is "Role" or "ClusterRole")
        {
            CollectRole(resource, facts);
        }
        else
        {
            CollectBinding(resource, facts);
        }
    }

    private static void CollectRole(Resource resource, List<AccessFact> facts)
    {
        var rules = resource.Root.GetSequence("rules")?.Items.OfType<MappingNode>().ToList() ?? new List<MappingNode>();
        var secretVerbs = new List<string>();
        YamlNode? secretsAt = null;
        var secretsPath = string.Empty;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var path = $"rules[{i}]";
            var verbs = AccessFacts.Strings(rule.Get("verbs")).Select(v => v.Value).ToList();
            var resources = AccessFacts.Strings(rule.Get("resources")).Select(r => r.Value).ToList();
            var groups = AccessFacts.Strings(rule.Get("apiGroups")).Select(g => g.Value).ToList();
            var verbsAt = rule.Get("verbs") ?? rule;
            var coreGroup = groups.Count == 0 || groups.Contains(string.Empty) || groups.Contains("*");
            if (coreGroup && (resources.Contains("secrets") || resources.Contains("*")) && verbs.Count > 0)
            {
                secretVerbs.AddRange(verbs);
                secretsAt ??= verbsAt;
                secretsPath = secretsPath.Length == 0 ? path + ".verbs" : secretsPath;
            }

            if (verbs.Contains("*"))
            {
                facts.Add(AccessFacts.Fact(resource, AccessArea.Rbac, AccessFactKinds.WildcardVerbs, "verbs", resources, true, $"{resource.Identity} grants every verb (*) on {Join(resources)}", verbsAt, path + ".verbs"));
            }

            if (resources.Contains("*"))
            {
                facts.Add(AccessFacts.Fact(resource, AccessArea.Rbac, AccessFactKinds.WildcardResources, "resources", verbs, true, $"{resource.Identity} grants {Join(verbs)} on every resource (*)", rule.Get("resources") ?? rule, path + ".resources"));
            }

            foreach (var verb in EscalationVerbs.Where(verbs.Contains))
            {
                facts.Add(AccessFacts.Fact(resource, AccessArea.Rbac, AccessFactKinds.EscalationVerb, verb, resources, true, $"{resource.Identity} grants {verb} on {Join(resources)}", verbsAt, path + ".verbs"));
            }

            foreach (var subresource in SensitiveSubresources.Where(resources.Contains))
            {
                facts.Add(AccessFacts.Fact(resource, AccessArea.Rbac, AccessFactKinds.SensitiveSubresource, subresource, verbs, true, $"{resource.Identity} grants {Join(verbs)} on {subresource}", rule.Get("resources") ?? rule, path + ".resources"));
            }
        }

        if (secretsAt is not null)
        {
            var scope = resource.Identity.Kind == "ClusterRole" ? "Secrets in every namespace" : "Secrets";
            facts.Add(AccessFacts.Fact(resource, AccessArea.Rbac, AccessFactKinds.Secrets, "secrets", secretVerbs, true, $"{resource.Identity} may {Join(secretVerbs.Distinct().OrderBy(v => v, StringComparer.Ordinal))} {scope}", secretsAt, secretsPath));
        }
    }

    private static void CollectBinding(Resource resource, List<AccessFact> facts)
    {
        var roleRef = resource.Root.GetMapping("roleRef");
        var role = roleRef?.GetString("name") ?? string.Empty;
        var roleKind = roleRef?.GetString("kind") ?? "Role";
        var subjects = resource.Root.GetSequence("subjects")?.Items.OfType<MappingNode>().ToList() ?? new List<MappingNode>();
        var subjectNames = subjects.Select(Describe).ToList();
        if (PowerfulRoles.Contains(role))
        {
            facts.Add(AccessFacts.Fact(resource, AccessArea.Rbac, AccessFactKinds.PowerfulRoleBinding, role, subjectNames, true, $"{resource.Identity} grants {roleKind} {role} to {Join(subjectNames)}", roleRef?.Get("name") ?? resource.KindNode, "roleRef.name"));
        }

        for (var i = 0; i < subjects.Count; i++)
        {
            var subject = subjects[i];
            var kind = subject.GetString("kind");
            var name = subject.GetString("name") ?? string.Empty;
            var broad = (kind == "Group" && (BroadGroups.Contains(name) || name.StartsWith("system:serviceaccounts:", StringComparison.Ordinal)))
                || (kind == "ServiceAccount" && name == "default");
            if (broad)
            {
                facts.Add(AccessFacts.Fact(resource, AccessArea.Rbac, AccessFactKinds.BroadSubjectBinding, Describe(subject), new[] { $"{roleKind} {role}" }, true, $"{resource.Identity} grants {roleKind} {role} to {Describe(subject)}", subject.Get("name") ?? subject, $"subjects[{i}]"));
            }
        }
    }

    private static string Describe(MappingNode subject)
    {
        var kind = subject.GetString("kind") ?? "Subject";
        var name = subject.GetString("name") ?? "(unnamed)";
        var ns = subject.GetString("namespace");
        return kind == "ServiceAccount" && ns is not null ? $"ServiceAccount {ns}/{name}" : $"{kind} {name}";
    }

    private static string Join(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? "nothing" : string.Join(", ", list);
    }
}
