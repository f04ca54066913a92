using System.Globalization;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// Odoo web replicas in a production environment that nothing keeps apart: two or more <c>replicas</c> and neither a
/// <c>podAntiAffinity</c> nor a <c>topologySpreadConstraints</c> entry in the pod template, so the scheduler may put
/// every replica on one node and a single node failure takes the whole ERP down.
/// </summary>
public sealed class OdooWebSpreadCheck : Check
{

    public OdooWebSpreadCheck(CheckParameters parameters)
    {
    }

    public override bool AppliesToKind(string kind) => kind is "Deployment" or "StatefulSet";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (!sink.Context.IsProduction || !OdooWebWorkload.Is(resource)
            || resource.Root.GetMapping("spec")?.GetScalar("replicas") is not { IsNull: false } replicas
            || !int.TryParse(replicas.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 2)
        {
            return;
        }

        var pod = resource.PodSpec!.Spec;
        if (pod.GetMapping("affinity")?.Get("podAntiAffinity") is not null || (pod.GetSequence("topologySpreadConstraints")?.Items.Count ?? 0) > 0)
        {
            return;
        }

        sink.Report(replicas, "spec.template.spec.affinity.podAntiAffinity", ViolationSink.Argument("replicas", replicas.Value));
    }
}
