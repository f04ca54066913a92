using System.Globalization;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A HorizontalPodAutoscaler's bounds, by <c>problem</c>: <c>min-replicas</c> — in a production environment,
/// <c>minReplicas</c> (default 1) below <c>minimum</c>, so a quiet hour scales the workload down to a single pod;
/// <c>max-below-min</c> — <c>maxReplicas</c> smaller than <c>minReplicas</c>, which the API server rejects.
/// </summary>
public sealed class HorizontalPodAutoscalerBoundsCheck : Check
{
    private readonly bool minReplicas;
    private readonly int minimum;

    public HorizontalPodAutoscalerBoundsCheck(CheckParameters parameters)
    {
        minReplicas = parameters.GetChoice("problem", new[] { "min-replicas", "max-below-min" }, "min-replicas") == "min-replicas";
        var text = parameters.GetString("minimum") ?? "2";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum < 1)
        {
            throw parameters.Error(parameters.GetScalar("minimum"), "parameter 'minimum' must be a positive whole number");
        }

    }

    public override bool AppliesToKind(string kind) => kind == "HorizontalPodAutoscaler";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (resource.Identity.Group != "autoscaling" || resource.Root.GetMapping("spec") is not { } spec)
        {
            return;
        }

        var minNode = spec.GetScalar("minReplicas");
        var min = 1;
        if (minNode is { IsNull: false } && !int.TryParse(minNode.Value, NumberStyles.None, CultureInfo.InvariantCulture, out min))
        {
            return;
        }

        var target = spec.GetMapping("scaleTargetRef")?.GetString("name") ?? "(unnamed)";
        if (minReplicas)
        {
            if (min < minimum && sink.Context.IsProduction)
            {
                YamlNode at = minNode is { IsNull: false } ? minNode : (spec.GetScalar("maxReplicas") ?? (YamlNode)resource.KindNode);
                sink.Report(at, "spec.minReplicas", ViolationSink.Argument("target", target), ViolationSink.Argument("minReplicas", minNode is { IsNull: false } ? minNode.Value : "unset (1)"), ViolationSink.Argument("minimum", minimum.ToString(CultureInfo.InvariantCulture)));
            }

            return;
        }

        if (spec.GetScalar("maxReplicas") is { IsNull: false } maxNode
            && int.TryParse(maxNode.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max < min)
        {
            sink.Report(maxNode, "spec.maxReplicas", ViolationSink.Argument("target", target), ViolationSink.Argument("maxReplicas", maxNode.Value), ViolationSink.Argument("minReplicas", min.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
