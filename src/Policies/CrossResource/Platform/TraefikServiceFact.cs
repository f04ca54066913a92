namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>A Traefik <c>TraefikService</c> (weighted or mirroring service), which routes may target by name.</summary>
internal sealed class TraefikServiceFact : ResourceFact
{
    public TraefikServiceFact(FactOrigin origin)
        : base(origin)
    {
    }
}
