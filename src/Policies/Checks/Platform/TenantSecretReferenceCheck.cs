using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// An object of one tenant's namespace that names a Secret (or a secret source) of another tenant's namespace
/// (<see cref="SecretReferenceFact"/>): a secret-reference mapping with another tenant's <c>namespace</c>, an External
/// Secrets Kubernetes provider reading another tenant's namespace, or a replication annotation copying its Secret.
/// </summary>
internal sealed class TenantSecretReferenceCheck : CrossResourceCheck
{
    public TenantSecretReferenceCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var tenants = new TenantNamespaces(index);
        foreach (var reference in index.All<SecretReferenceFact>())
        {
            if (tenants.Contains(reference.Origin.Namespace) && tenants.Contains(reference.TargetNamespace))
            {
                sink.Report(
                    reference,
                    reference.At,
                    CrossResourceSink.Argument("secret", reference.SecretName is null ? "secrets" : $"Secret \"{reference.SecretName}\""),
                    CrossResourceSink.Argument("targetNamespace", reference.TargetNamespace),
                    CrossResourceSink.Argument("tenantNamespace", reference.Origin.Namespace!));
            }
        }
    }
}
