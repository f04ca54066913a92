namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>A HorizontalPodAutoscaler's target (<c>spec.scaleTargetRef</c>) and its <c>minReplicas</c> (default 1).</summary>
internal sealed class AutoscalerTargetFact : ResourceFact
{
    public AutoscalerTargetFact(FactOrigin origin, string targetKind, string targetName, int minReplicas)
        : base(origin)
    {
        TargetKind = targetKind;
        TargetName = targetName;
        MinReplicas = minReplicas;
    }

    public string TargetKind { get; }

    public string TargetName { get; }

    public int MinReplicas { get; }
}
