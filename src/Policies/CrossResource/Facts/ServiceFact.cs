using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>A <c>Service</c>: its type, the pod labels it selects and the ports it exposes.</summary>
internal sealed class ServiceFact : ResourceFact
{
    public ServiceFact(FactOrigin origin, string? type, IReadOnlyDictionary<string, string>? selector, IReadOnlyList<ServicePort> ports, FactLocation portsAt)
        : base(origin)
    {
        Type = type;
        Selector = selector;
        Ports = ports;
        PortsAt = portsAt;
    }

    /// <summary><c>spec.type</c>; null means ClusterIP.</summary>
    public string? Type { get; }

    /// <summary><c>spec.selector</c>; null when absent (a Service with hand-made endpoints selects no pod).</summary>
    public IReadOnlyDictionary<string, string>? Selector { get; }

    public IReadOnlyList<ServicePort> Ports { get; }

    /// <summary>Where a port would be added: <c>spec.ports</c>, else <c>spec</c>, else the kind.</summary>
    public FactLocation PortsAt { get; }

    /// <summary>The port a route names by number or by port name; null when the Service has no such port.</summary>
    public ServicePort? PortNamed(string reference)
    {
        foreach (var port in Ports)
        {
            if ((port.Port is { } number && number.ToString(System.Globalization.CultureInfo.InvariantCulture) == reference) || port.Name == reference)
            {
                return port;
            }
        }

        return null;
    }
}

/// <summary>One entry of <c>spec.ports</c>: its name, port and target port (a number or a container port name).</summary>
internal sealed record ServicePort(string? Name, int? Port, string? TargetPort, FactLocation At);
