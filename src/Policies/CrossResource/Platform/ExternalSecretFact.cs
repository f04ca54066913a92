namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// An External Secrets <c>ExternalSecret</c> and the store it reads from: <c>spec.secretStoreRef</c> (kind
/// <c>SecretStore</c> unless it says <c>ClusterSecretStore</c>), with where the store's name is written.
/// </summary>
internal sealed class ExternalSecretFact : ResourceFact
{
    public ExternalSecretFact(FactOrigin origin, string storeName, string storeKind, FactLocation storeAt)
        : base(origin)
    {
        StoreName = storeName;
        StoreKind = storeKind;
        StoreAt = storeAt;
    }

    public string StoreName { get; }

    public string StoreKind { get; }

    public FactLocation StoreAt { get; }
}
