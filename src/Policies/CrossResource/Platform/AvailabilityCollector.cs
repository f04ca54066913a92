using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>Records what keeps a workload available: PodDisruptionBudgets' selectors and autoscalers' targets.</summary>
internal sealed class AvailabilityCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind is "PodDisruptionBudget" or "HorizontalPodAutoscaler";

    public override void Collect(Resource resource, FactSink sink)
    {
        var spec = resource.Root.GetMapping("spec");
        if (resource.Identity.Kind == "PodDisruptionBudget")
        {
            if (resource.Identity.Group != "policy")
            {
                return;
            }

            var selector = spec?.GetMapping("selector");
            sink.Add(new DisruptionBudgetFact(sink.Origin, selector is null ? null : YamlFacts.StringMap(selector.GetMapping("matchLabels"))));
            return;
        }

        if (resource.Identity.Group == "autoscaling" && spec?.GetMapping("scaleTargetRef") is { } target
            && YamlFacts.Text(target.Get("name")) is { } name)
        {
            sink.Add(new AutoscalerTargetFact(sink.Origin, YamlFacts.Text(target.Get("kind")) ?? string.Empty, name, YamlFacts.Integer(spec.Get("minReplicas")) ?? 1));
        }
    }
}
