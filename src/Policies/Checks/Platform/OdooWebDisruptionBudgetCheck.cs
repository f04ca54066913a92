using System;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// Odoo web replicas in a production environment that no <c>PodDisruptionBudget</c> of their namespace covers (its
/// selector's labels all on the pods). Judged for web workloads that run more than one pod — two or more
/// <c>replicas</c>, or an autoscaler — since a budget over a single pod can only block node drains.
/// </summary>
internal sealed class OdooWebDisruptionBudgetCheck : CrossResourceCheck
{
    public OdooWebDisruptionBudgetCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var web in index.All<OdooWorkloadFact>())
        {
            if (!web.IsWeb || !web.Origin.IsProduction)
            {
                continue;
            }

            var scaled = index.InNamespace<AutoscalerTargetFact>(web.Origin.Namespace).Any(a => a.TargetName == web.Origin.Name && a.TargetKind == web.Origin.Identity.Kind && a.Origin.SameNamespaceAs(web.Origin));
            if (!scaled && (web.Replicas ?? 1) < 2)
            {
                continue;
            }

            if (!index.InNamespace<DisruptionBudgetFact>(web.Origin.Namespace).Any(b => b.Origin.SameNamespaceAs(web.Origin) && b.Covers(web.PodLabels)))
            {
                sink.Report(web, web.ReplicasAt, CrossResourceSink.Argument("replicas", web.Replicas?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "autoscaled"));
            }
        }
    }
}
