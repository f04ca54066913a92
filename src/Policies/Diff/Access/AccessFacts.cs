using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Diff.Access;

/// <summary>Records the privileges one resource holds (<see cref="AccessFact"/>), by its kind.</summary>
public static class AccessFacts
{
    public static IReadOnlyList<AccessFact> Of(Resource resource)
    {
        var facts = new List<AccessFact>();
        var kind = resource.Identity.Kind;
        if (RbacAccessFacts.Applies(resource.Identity))
        {
            facts.Add(Present(resource, AccessArea.Rbac));
            RbacAccessFacts.Collect(resource, facts);
        }
        else if (resource.PodSpec is not null)
        {
            facts.Add(Present(resource, AccessArea.Workload));
            WorkloadAccessFacts.Collect(resource, facts);
        }
        else if (kind is "Service" or "NetworkPolicy" or "Ingress" or "IngressRoute")
        {
            facts.Add(Present(resource, AccessArea.Network));
            NetworkAccessFacts.Collect(resource, facts);
        }

        return facts;
    }

    private static AccessFact Present(Resource resource, AccessArea area) =>
        Fact(resource, area, AccessFactKinds.Present, string.Empty, System.Array.Empty<string>(), false, resource.Identity.ToString(), resource.KindNode, "kind");

    internal static AccessFact Fact(Resource resource, AccessArea area, string kind, string subject, IEnumerable<string> values, bool isExplicit, string description, YamlNode at, string fieldPath) => new(
        area,
        kind,
        resource.Identity,
        subject,
        values.Distinct().OrderBy(v => v, System.StringComparer.Ordinal).ToList(),
        isExplicit,
        description,
        resource.Source.DisplayPath,
        at.Line,
        at.Column,
        fieldPath);

    internal static IEnumerable<ScalarNode> Strings(YamlNode? node) =>
        node is SequenceNode sequence ? sequence.Items.OfType<ScalarNode>() : Enumerable.Empty<ScalarNode>();
}
