using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>Records each <c>networking.k8s.io</c> NetworkPolicy's selected pods and the ingress sources it admits.</summary>
internal sealed class NetworkPolicyCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind == "NetworkPolicy";

    public override void Collect(Resource resource, FactSink sink)
    {
        if (resource.Identity.Group != "networking.k8s.io" || resource.Root.GetMapping("spec") is not { } spec)
        {
            return;
        }

        var types = YamlFacts.Strings(spec.Get("policyTypes"));
        var restrictsIngress = types.Count == 0 || Contains(types, "Ingress");
        var sources = new List<NetworkPeer>();
        var rules = spec.GetSequence("ingress")?.Items ?? Array.Empty<YamlNode>();
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = $"spec.ingress[{i}]";
            var from = (rules[i] as MappingNode)?.GetSequence("from");
            if (from is null || from.Items.Count == 0)
            {
                sources.Add(new NetworkPeer("anyone", null, null, null, FactLocation.At(rules[i], rulePath)));
                continue;
            }

            for (var j = 0; j < from.Items.Count; j++)
            {
                if (from.Items[j] is MappingNode peer)
                {
                    sources.Add(Peer(peer, FactLocation.At(peer, $"{rulePath}.from[{j}]")));
                }
            }
        }

        sink.Add(new NetworkPolicyFact(sink.Origin, Selector(spec.GetMapping("podSelector")), restrictsIngress, sources));
    }

    private static NetworkPeer Peer(MappingNode peer, FactLocation at)
    {
        if (peer.GetMapping("ipBlock") is { } block)
        {
            return new NetworkPeer("ip-block", null, null, YamlFacts.Text(block.Get("cidr")), at);
        }

        if (peer.Get("namespaceSelector") is not { } namespaceSelector)
        {
            return new NetworkPeer("same-namespace", null, null, null, at);
        }

        var selector = namespaceSelector as MappingNode;
        var labels = YamlFacts.StringMap(selector?.GetMapping("matchLabels"));
        var expressions = selector?.GetSequence("matchExpressions")?.Items.Count ?? 0;
        if (labels.Count == 0 && expressions == 0)
        {
            return new NetworkPeer("all-namespaces", null, null, null, at);
        }

        if (labels.TryGetValue("kubernetes.io/metadata.name", out var name) || labels.TryGetValue("name", out name))
        {
            return new NetworkPeer("namespace", name, labels, null, at);
        }

        return new NetworkPeer("labelled-namespaces", null, labels, null, at);
    }

    /// <summary>An absent or empty selector selects every pod; one with only expressions is not modelled (null).</summary>
    private static IReadOnlyDictionary<string, string>? Selector(MappingNode? selector)
    {
        if (selector is null)
        {
            return YamlFacts.StringMap(null);
        }

        var labels = YamlFacts.StringMap(selector.GetMapping("matchLabels"));
        return labels.Count == 0 && (selector.GetSequence("matchExpressions")?.Items.Count ?? 0) > 0 ? null : labels;
    }

    private static bool Contains(IReadOnlyList<string> values, string value)
    {
        foreach (var item in values)
        {
            if (item == value)
            {
                return true;
            }
        }

        return false;
    }
}
