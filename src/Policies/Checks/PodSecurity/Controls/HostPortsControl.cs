using System.Globalization;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>Baseline, v1.0: no container port may set a non-zero <c>hostPort</c>; there is no allowed range.</summary>
internal sealed class HostPortsControl : PodSecurityControl
{
    public HostPortsControl()
        : base("hostPorts", PodSecurityLevel.Baseline, new[] { 0 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        Offences? offences = null;
        foreach (var container in pod.Containers)
        {
            if (container.Node.GetSequence("ports") is not { } ports)
            {
                continue;
            }

            var bad = false;
            for (var i = 0; i < ports.Items.Count; i++)
            {
                if (ports.Items[i] is MappingNode port && port.Get("hostPort") is { } hostPort && Text.IsNonZeroInteger(hostPort))
                {
                    var portName = Text.String(port.Get("name"));
                    var path = container.Path + ".ports[" + (portName is null ? i.ToString(CultureInfo.InvariantCulture) : "name=" + portName) + "].hostPort";
                    Offences.Add(ref offences, hostPort, path).AddDistinctValue(((ScalarNode)hostPort).Value);
                    bad = true;
                }
            }

            if (bad)
            {
                offences!.AddName(container.Name);
            }
        }

        if (offences is null)
        {
            return null;
        }

        var values = Text.SortedDistinct(offences.Values);
        return offences.Fail(
            "hostPort",
            $"{Text.Containers(offences.Names)} {Text.Plural("uses", "use", offences.Names.Count)} {Text.Plural("hostPort", "hostPorts", values.Count)} {string.Join(", ", values)}");
    }
}
