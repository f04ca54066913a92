namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>A CloudNativePG <c>Cluster</c>, with where findings about its backups point (its name).</summary>
internal sealed class CnpgClusterFact : ResourceFact
{
    public CnpgClusterFact(FactOrigin origin, FactLocation at)
        : base(origin)
    {
        At = at;
    }

    public FactLocation At { get; }
}
