using System;
using System.Collections.Generic;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A namespace per tenant: an Odoo workload in the <c>default</c> namespace, or an Odoo web workload sharing its
/// namespace with another Odoo instance's (a different <c>app.kubernetes.io/instance</c>, else a different name).
/// Workloads without a namespace are placed by whoever applies them and are not judged.
/// </summary>
internal sealed class TenantNamespaceCheck : CrossResourceCheck
{
    public TenantNamespaceCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var firstWebByNamespace = new Dictionary<string, OdooWorkloadFact>(StringComparer.Ordinal);
        foreach (var workload in index.All<OdooWorkloadFact>())
        {
            if (workload.Origin.Namespace is not { } ns)
            {
                continue;
            }

            if (ns == "default")
            {
                sink.Report(workload, workload.NamespaceAt, CrossResourceSink.Argument("reason", "it runs in the default namespace, shared with everything deployed without one"));
                continue;
            }

            if (!workload.IsWeb)
            {
                continue;
            }

            if (!firstWebByNamespace.TryGetValue(ns, out var first))
            {
                firstWebByNamespace[ns] = workload;
            }
            else if (first.Instance != workload.Instance)
            {
                sink.Report(workload, workload.NamespaceAt, CrossResourceSink.Argument("reason", $"namespace \"{ns}\" already runs Odoo instance \"{first.Instance}\" ({first.Origin.Identity.Kind} \"{first.Origin.Name}\")"));
            }
        }
    }
}
