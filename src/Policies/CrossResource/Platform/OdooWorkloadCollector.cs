using System;
using PolicyKit.Policies.Checks.Platform;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>Records every Deployment and StatefulSet that runs an Odoo image (<see cref="OdooWorkloadFact"/>).</summary>
internal sealed class OdooWorkloadCollector : FactCollector
{
    private const string InstanceLabel = "app.kubernetes.io/instance";

    public override bool AppliesToKind(string kind) => kind is "Deployment" or "StatefulSet";

    public override void Collect(Resource resource, FactSink sink)
    {
        if (!OdooWebWorkload.RunsOdoo(resource))
        {
            return;
        }

        var metadata = resource.Root.GetMapping("metadata");
        var spec = resource.Root.GetMapping("spec");
        var replicas = spec?.Get("replicas");
        var replicasAt = replicas is not null ? FactLocation.At(replicas, "spec.replicas")
            : spec is not null ? FactLocation.At(spec, "spec")
            : FactLocation.At(resource.KindNode, "kind");
        var namespaceNode = metadata?.GetScalar("namespace");
        var namespaceAt = namespaceNode is not null ? FactLocation.At(namespaceNode, "metadata.namespace")
            : FactLocation.At((YamlNode?)metadata ?? resource.KindNode, "metadata.namespace");
        var podLabels = YamlFacts.StringMap(spec?.GetMapping("template")?.GetMapping("metadata")?.GetMapping("labels"));
        var ownLabels = YamlFacts.StringMap(metadata?.GetMapping("labels"));
        var instance = ownLabels.TryGetValue(InstanceLabel, out var label) ? label
            : podLabels.TryGetValue(InstanceLabel, out label) ? label
            : resource.Identity.Name ?? string.Empty;
        sink.Add(new OdooWorkloadFact(sink.Origin, OdooWebWorkload.Is(resource), podLabels, YamlFacts.Integer(replicas), replicasAt, namespaceAt, instance));
    }
}
