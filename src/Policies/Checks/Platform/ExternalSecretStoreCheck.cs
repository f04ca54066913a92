using System;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// An External Secrets <c>ExternalSecret</c> reads from a store the input does not define: a <c>SecretStore</c> of its
/// namespace, or a <c>ClusterSecretStore</c>. Judged only where the input defines stores of that kind (in that namespace
/// for a <c>SecretStore</c>): stores are often the platform team's, in another repository. A <c>SecretStore</c>
/// reference whose namespace the manifests leave to whoever applies them is not judged.
/// </summary>
internal sealed class ExternalSecretStoreCheck : CrossResourceCheck
{
    public ExternalSecretStoreCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var stores = index.All<SecretStoreFact>().ToList();
        foreach (var secret in index.All<ExternalSecretFact>())
        {
            if (secret.StoreKind != "ClusterSecretStore" && secret.Origin.Namespace is null)
            {
                continue;
            }

            var candidates = (secret.StoreKind == "ClusterSecretStore" ? stores : index.InNamespace<SecretStoreFact>(secret.Origin.Namespace))
                .Where(s => s.Kind == secret.StoreKind && (secret.StoreKind == "ClusterSecretStore" || s.Origin.SameNamespaceAs(secret.Origin)))
                .ToList();
            if (candidates.Count > 0 && !candidates.Any(s => s.Origin.Name == secret.StoreName))
            {
                sink.Report(
                    secret,
                    secret.StoreAt,
                    CrossResourceSink.Argument("store", secret.StoreName),
                    CrossResourceSink.Argument("storeKind", secret.StoreKind),
                    CrossResourceSink.Argument("defined", string.Join(", ", candidates.Select(s => s.Origin.Name).Distinct(StringComparer.Ordinal))));
            }
        }
    }
}
