using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Diff.Access;

/// <summary>
/// Exposure: each NetworkPolicy (so its removal shows) and the directions it leaves open to everyone, Services of type
/// NodePort or LoadBalancer, and ingress routes that serve a host without TLS (Ingress, Traefik IngressRoute).
/// </summary>
internal static class NetworkAccessFacts
{
    public static void Collect(Resource resource, List<AccessFact> facts)
    {
        var identity = resource.Identity;
        var root = resource.Root;
        switch (identity.Kind)
        {
            case "Service":
                if (root.GetMapping("spec")?.GetScalar("type") is { } type && type.Value is "NodePort" or "LoadBalancer")
                {
                    facts.Add(AccessFacts.Fact(resource, AccessArea.Network, AccessFactKinds.ServiceExposed, "type", new[] { type.Value }, true, $"{identity} is exposed outside the cluster (type {type.Value})", type, "spec.type"));
                }

                break;
            case "NetworkPolicy" when identity.Group == "networking.k8s.io":
                CollectNetworkPolicy(resource, facts);
                break;
            case "Ingress" when identity.Group == "networking.k8s.io":
                CollectIngress(resource, facts);
                break;
            case "IngressRoute" when identity.Group is "traefik.io" or "traefik.containo.us":
                if (root.GetMapping("spec") is { } spec && spec.Get("tls") is null)
                {
                    var entryPoints = AccessFacts.Strings(spec.Get("entryPoints")).Select(e => e.Value).ToList();
                    facts.Add(AccessFacts.Fact(resource, AccessArea.Network, AccessFactKinds.RouteWithoutTls, "route", entryPoints.Count == 0 ? new[] { "all entry points" } : entryPoints, true, $"{identity} serves its routes without TLS", spec.Get("routes") ?? spec, "spec.tls"));
                }

                break;
        }
    }

    private static void CollectNetworkPolicy(Resource resource, List<AccessFact> facts)
    {
        var identity = resource.Identity;
        var spec = resource.Root.GetMapping("spec");
        facts.Add(AccessFacts.Fact(resource, AccessArea.Network, AccessFactKinds.NetworkPolicy, "policy", new[] { "present" }, true, $"{identity} restricts traffic", resource.KindNode, "kind"));
        if (spec is null)
        {
            return;
        }

        // Which directions the policy restricts: policyTypes when given, else ingress always and egress when it has rules.
        var types = AccessFacts.Strings(spec.Get("policyTypes")).Select(t => t.Value).ToList();
        var restricted = types.Count > 0 ? types : spec.Get("egress") is null ? new List<string> { "Ingress" } : new List<string> { "Ingress", "Egress" };
        foreach (var direction in restricted)
        {
            facts.Add(AccessFacts.Fact(resource, AccessArea.Network, AccessFactKinds.NetworkPolicyDirection, direction, new[] { "restricted" }, true, $"{identity} restricts {direction.ToLowerInvariant()} traffic", (YamlNode?)spec.Get("policyTypes") ?? spec, "spec.policyTypes"));
        }

        foreach (var (direction, peers) in new[] { ("ingress", "from"), ("egress", "to") })
        {
            if (spec.Get(direction) is not SequenceNode rules)
            {
                continue;
            }

            for (var i = 0; i < rules.Items.Count; i++)
            {
                if (rules.Items[i] is not MappingNode rule)
                {
                    continue;
                }

                var open = rule.Get(peers) is not SequenceNode list || list.Items.Count == 0
                    ? "every source and destination"
                    : OpenPeer(list);
                if (open is not null)
                {
                    facts.Add(AccessFacts.Fact(resource, AccessArea.Network, AccessFactKinds.NetworkPolicyOpen, direction, new[] { open }, true, $"{identity} allows {direction} from {open}", rule, $"spec.{direction}[{i}]"));
                }
            }
        }
    }

    /// <summary>A peer that admits everyone: an empty namespace selector (every namespace) or a 0.0.0.0/0 block.</summary>
    private static string? OpenPeer(SequenceNode peers)
    {
        foreach (var peer in peers.Items.OfType<MappingNode>())
        {
            if (peer.GetMapping("namespaceSelector") is { Entries.Count: 0 } && peer.Get("podSelector") is null)
            {
                return "every namespace";
            }

            if (peer.GetMapping("ipBlock")?.GetString("cidr") is "0.0.0.0/0" or "::/0")
            {
                return "any address";
            }
        }

        return null;
    }

    private static void CollectIngress(Resource resource, List<AccessFact> facts)
    {
        var spec = resource.Root.GetMapping("spec");
        if (spec is null)
        {
            return;
        }

        var secured = new HashSet<string>(
            (spec.GetSequence("tls")?.Items.OfType<MappingNode>() ?? Enumerable.Empty<MappingNode>()).SelectMany(t => AccessFacts.Strings(t.Get("hosts")).Select(h => h.Value)),
            StringComparer.OrdinalIgnoreCase);
        var rules = spec.GetSequence("rules")?.Items.OfType<MappingNode>().ToList() ?? new List<MappingNode>();
        for (var i = 0; i < rules.Count; i++)
        {
            var host = rules[i].GetScalar("host");
            var name = host?.Value ?? "*";
            if (!secured.Contains(name))
            {
                facts.Add(AccessFacts.Fact(resource, AccessArea.Network, AccessFactKinds.RouteWithoutTls, name, new[] { "http" }, true, $"{resource.Identity} serves host {name} without TLS", (YamlNode?)host ?? rules[i], $"spec.rules[{i}].host"));
            }
        }
    }
}
