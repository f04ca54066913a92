namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>An External Secrets <c>SecretStore</c> (namespaced) or <c>ClusterSecretStore</c>.</summary>
internal sealed class SecretStoreFact : ResourceFact
{
    public SecretStoreFact(FactOrigin origin)
        : base(origin)
    {
    }

    public string Kind => Origin.Identity.Kind;
}
