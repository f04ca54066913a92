using System.Globalization;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// An Odoo web workload in a production environment that runs fewer than <c>minimum</c> pods: <c>replicas</c> (default
/// 1) below it and no autoscaler of its namespace targeting it with <c>minReplicas</c> at least that.
/// </summary>
internal sealed class OdooWebReplicasCheck : CrossResourceCheck
{
    private readonly int minimum;

    public OdooWebReplicasCheck(CheckParameters parameters)
    {
        var text = parameters.GetString("minimum") ?? "2";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum < 1)
        {
            throw parameters.Error(parameters.GetScalar("minimum"), "parameter 'minimum' must be a positive whole number");
        }
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var web in index.All<OdooWorkloadFact>())
        {
            if (!web.IsWeb || !web.Origin.IsProduction || (web.Replicas ?? 1) >= minimum)
            {
                continue;
            }

            if (index.InNamespace<AutoscalerTargetFact>(web.Origin.Namespace).Any(a => a.TargetName == web.Origin.Name && a.TargetKind == web.Origin.Identity.Kind && a.Origin.SameNamespaceAs(web.Origin) && a.MinReplicas >= minimum))
            {
                continue;
            }

            sink.Report(
                web,
                web.ReplicasAt,
                CrossResourceSink.Argument("replicas", web.Replicas?.ToString(CultureInfo.InvariantCulture) ?? "unset (1)"),
                CrossResourceSink.Argument("minimum", minimum.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
