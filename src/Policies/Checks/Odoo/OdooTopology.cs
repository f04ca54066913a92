using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// The Odoo servers of the input and how traffic reaches them — route → Service (by namespace and name) → servers whose
/// pods the Service selects — joined once per run through lookups (<see cref="CrossResourceIndex.Derived{T}"/>) rather
/// than pairwise per rule, so judging stays linear in the number of resources.
/// </summary>
internal sealed class OdooTopology
{
    private static readonly IReadOnlyList<(RouteFact, ServiceFact)> NoRoutes = Array.Empty<(RouteFact, ServiceFact)>();

    private readonly Dictionary<OdooInstance, List<(RouteFact Route, ServiceFact Service)>> reaching = new();
    private readonly HashSet<OdooInstance> selected = new();

    private OdooTopology(CrossResourceIndex index)
    {
        Instances = OdooInstances.In(index);
        var byNamespace = Instances.GroupBy(i => i.Workload.Origin.Namespace ?? string.Empty).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var servicesByName = new Dictionary<(string, string), List<ServiceFact>>();
        foreach (var service in index.All<ServiceFact>())
        {
            var key = (service.Origin.Namespace ?? string.Empty, service.Origin.Name ?? string.Empty);
            if (!servicesByName.TryGetValue(key, out var list))
            {
                servicesByName[key] = list = new List<ServiceFact>();
            }

            list.Add(service);
            foreach (var instance in Behind(byNamespace, service))
            {
                selected.Add(instance);
            }
        }

        foreach (var route in index.All<RouteFact>())
        {
            if (route.Source.ToTraefikService || !servicesByName.TryGetValue((route.ServiceNamespace ?? string.Empty, route.ServiceName), out var services))
            {
                continue;
            }

            foreach (var service in services)
            {
                foreach (var instance in Behind(byNamespace, service))
                {
                    if (!reaching.TryGetValue(instance, out var list))
                    {
                        reaching[instance] = list = new List<(RouteFact, ServiceFact)>();
                    }

                    list.Add((route, service));
                }
            }
        }
    }

    /// <summary>Every Odoo server, in input order.</summary>
    public List<OdooInstance> Instances { get; }

    public static OdooTopology For(CrossResourceIndex index) => index.Derived(i => new OdooTopology(i));

    /// <summary>The routes that reach the server and the Service each goes through, in input order.</summary>
    public IReadOnlyList<(RouteFact Route, ServiceFact Service)> RoutesTo(OdooInstance instance) =>
        reaching.TryGetValue(instance, out var list) ? list : NoRoutes;

    /// <summary>Whether some Service selects the server's pods (it serves HTTP to someone).</summary>
    public bool IsSelected(OdooInstance instance) => selected.Contains(instance);

    private static IEnumerable<OdooInstance> Behind(Dictionary<string, List<OdooInstance>> byNamespace, ServiceFact service) =>
        byNamespace.TryGetValue(service.Origin.Namespace ?? string.Empty, out var candidates)
            ? candidates.Where(i => i.Workload.IsSelectedBy(service.Selector))
            : Enumerable.Empty<OdooInstance>();
}
