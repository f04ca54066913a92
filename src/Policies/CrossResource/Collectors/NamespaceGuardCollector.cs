using System.Collections.Generic;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Collectors;

/// <summary>Records the NetworkPolicies, ResourceQuotas and LimitRanges that guard namespaces.</summary>
internal sealed class NamespaceGuardCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind is "NetworkPolicy" or "ResourceQuota" or "LimitRange";

    public override void Collect(Resource resource, FactSink sink)
    {
        if (resource.Identity.Kind != "NetworkPolicy")
        {
            sink.Add(new NamespaceGuardFact(sink.Origin, true, System.Array.Empty<string>(), false));
            return;
        }

        var spec = resource.Root.GetMapping("spec");
        var selector = spec?.GetMapping("podSelector");
        var selectsAll = spec is not null && (selector is null || selector.Entries.Count == 0 || IsEmpty(selector));
        var types = new List<string>(YamlFacts.Strings(spec?.Get("policyTypes")));
        if (types.Count == 0)
        {
            types.Add("Ingress");
            if (spec?.Get("egress") is not null)
            {
                types.Add("Egress");
            }
        }

        var anyIngress = false;
        foreach (var rule in spec?.GetSequence("ingress")?.Items ?? System.Array.Empty<YamlNode>())
        {
            anyIngress |= rule is MappingNode ingress && (ingress.GetSequence("from") is not { Items.Count: > 0 });
        }

        sink.Add(new NamespaceGuardFact(sink.Origin, selectsAll, types, anyIngress));
    }

    private static bool IsEmpty(MappingNode selector)
    {
        foreach (var entry in selector.Entries)
        {
            if (entry.Value is MappingNode { Entries.Count: > 0 } or SequenceNode { Items.Count: > 0 })
            {
                return false;
            }
        }

        return true;
    }
}
