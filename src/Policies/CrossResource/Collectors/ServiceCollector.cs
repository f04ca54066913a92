using System.Collections.Generic;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Collectors;

/// <summary>Records each core <c>Service</c>'s type, selector and ports.</summary>
internal sealed class ServiceCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind == "Service";

    public override void Collect(Resource resource, FactSink sink)
    {
        if (resource.Identity.Group.Length != 0)
        {
            return;
        }

        var spec = resource.Root.GetMapping("spec");
        var ports = new List<ServicePort>();
        if (spec?.GetSequence("ports") is { } list)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is MappingNode port)
                {
                    var name = YamlFacts.Text(port.Get("name"));
                    var path = name is null ? $"spec.ports[{i}]" : $"spec.ports[name={name}]";
                    ports.Add(new ServicePort(name, YamlFacts.Integer(port.Get("port")), YamlFacts.Text(port.Get("targetPort")), FactLocation.At(port, path)));
                }
            }
        }

        var portsAt = spec?.Get("ports") is { } portsNode ? FactLocation.At(portsNode, "spec.ports")
            : spec is not null ? FactLocation.At(spec, "spec")
            : FactLocation.At(resource.KindNode, "kind");
        var selector = spec?.GetMapping("selector") is { } selectorNode ? YamlFacts.StringMap(selectorNode) : null;
        sink.Add(new ServiceFact(sink.Origin, YamlFacts.Text(spec?.Get("type")), selector, ports, portsAt));
    }
}
