using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks;

/// <summary>A check of the pod spec that every pod-bearing kind carries.</summary>
public abstract class PodCheck : Check
{
    public override bool AppliesToKind(string kind) => PodBearingKinds.TryGetPodSpecPath(kind, out _);

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (resource.PodSpec is { } podSpec)
        {
            EvaluatePod(podSpec, sink);
        }
    }

    protected abstract void EvaluatePod(PodSpecView podSpec, ViolationSink sink);
}
