using PolicyKit.Policies.Checks.Platform;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>Records External Secrets stores and the store each <c>ExternalSecret</c> reads from.</summary>
internal sealed class ExternalSecretsCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind is "SecretStore" or "ClusterSecretStore" or "ExternalSecret";

    public override void Collect(Resource resource, FactSink sink)
    {
        if (resource.Identity.Group != PlatformApis.ExternalSecrets)
        {
            return;
        }

        if (resource.Identity.Kind != "ExternalSecret")
        {
            sink.Add(new SecretStoreFact(sink.Origin));
            return;
        }

        var reference = resource.Root.GetMapping("spec")?.GetMapping("secretStoreRef");
        if (reference?.GetScalar("name") is { IsNull: false } name)
        {
            var kind = YamlFacts.Text(reference.Get("kind")) ?? "SecretStore";
            sink.Add(new ExternalSecretFact(sink.Origin, name.Value, kind, FactLocation.At(name, "spec.secretStoreRef.name")));
        }
    }
}
