namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// A namespaced object that names a Secret (or a secret source) in another namespace: a <c>…SecretRef</c> or
/// <c>secretRef</c>-style mapping with its own <c>namespace</c>, an External Secrets Kubernetes provider's
/// <c>remoteNamespace</c>, or a replication annotation (<c>replicator.v1.mittwald.de/replicate-from</c>,
/// <c>reflector.v1.k8s.emberstack.com/reflects</c>) that copies another namespace's Secret in.
/// </summary>
internal sealed class SecretReferenceFact : ResourceFact
{
    public SecretReferenceFact(FactOrigin origin, string targetNamespace, string? secretName, FactLocation at)
        : base(origin)
    {
        TargetNamespace = targetNamespace;
        SecretName = secretName;
        At = at;
    }

    public string TargetNamespace { get; }

    public string? SecretName { get; }

    public FactLocation At { get; }
}
