using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// The tenants of a multi-tenant hosting profile (docs/hosting-profiles.md): every namespace in which a workload judged
/// under the <c>multi-tenant</c> profile runs Odoo, with the first such workload (where findings point when the input
/// has no <c>Namespace</c> object to point at). Workloads without a namespace are not placed in any tenant.
/// </summary>
internal sealed class TenantNamespaces
{
    private readonly Dictionary<string, OdooWorkloadFact> first = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NamespaceFact> objects = new(StringComparer.Ordinal);

    public TenantNamespaces(CrossResourceIndex index)
    {
        foreach (var workload in index.All<OdooWorkloadFact>())
        {
            if (workload.Origin.Profile == HostingProfiles.MultiTenant && workload.Origin.Namespace is { } ns && !first.ContainsKey(ns))
            {
                first[ns] = workload;
            }
        }

        foreach (var namespaceObject in index.All<NamespaceFact>())
        {
            if (namespaceObject.NamespaceName is { } name && !objects.ContainsKey(name))
            {
                objects[name] = namespaceObject;
            }
        }
    }

    /// <summary>The tenant namespaces in input order of their first Odoo workload.</summary>
    public IEnumerable<string> Names => first.Keys.OrderBy(n => n, StringComparer.Ordinal);

    public bool Contains(string? ns) => ns is not null && first.ContainsKey(ns);

    /// <summary>Reports a finding about tenant namespace <paramref name="ns"/>: at its Namespace object, else at its first Odoo workload's namespace.</summary>
    public void Report(CrossResourceSink sink, string ns, params KeyValuePair<string, string>[] arguments)
    {
        var all = new List<KeyValuePair<string, string>>(arguments) { CrossResourceSink.Argument("tenantNamespace", ns) };
        if (objects.TryGetValue(ns, out var namespaceObject) && namespaceObject.Origin.Profile == HostingProfiles.MultiTenant)
        {
            sink.Report(namespaceObject, namespaceObject.At, all.ToArray());
            return;
        }

        var workload = first[ns];
        sink.Report(workload, workload.NamespaceAt, all.ToArray());
    }
}
