using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Baseline, v1.34: probes (<c>liveness</c>, <c>readiness</c>, <c>startup</c>) and lifecycle hooks (<c>postStart</c>,
/// <c>preStop</c>) must not set <c>httpGet.host</c> or <c>tcpSocket.host</c> — the kubelet would connect wherever they
/// point, loopback addresses included (a blind SSRF from the node).
/// </summary>
internal sealed class HostProbesAndHostLifecycleControl : PodSecurityControl
{
    private static readonly string[] Probes = { "livenessProbe", "readinessProbe", "startupProbe" };
    private static readonly string[] Hooks = { "postStart", "preStop" };
    private static readonly string[] Actions = { "httpGet", "tcpSocket" };

    public HostProbesAndHostLifecycleControl()
        : base("hostProbesAndHostLifecycle", PodSecurityLevel.Baseline, new[] { 34 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        Offences? offences = null;
        foreach (var container in pod.Containers)
        {
            var bad = false;
            foreach (var probe in Probes)
            {
                bad |= CheckHandler(container.Node.GetMapping(probe), container.Path + "." + probe, ref offences);
            }

            if (container.Node.GetMapping("lifecycle") is { } lifecycle)
            {
                foreach (var hook in Hooks)
                {
                    bad |= CheckHandler(lifecycle.GetMapping(hook), container.Path + ".lifecycle." + hook, ref offences);
                }
            }

            if (bad && !offences!.Names.Contains(container.Name))
            {
                offences.AddName(container.Name);
            }
        }

        if (offences is null)
        {
            return null;
        }

        var containers = Text.SortedDistinct(offences.Names);
        var hosts = Text.SortedDistinct(offences.Values);
        return offences.Fail(
            "probe or lifecycle host",
            $"{Text.Containers(containers)} {Text.Plural("uses", "use", containers.Count)} {Text.Plural("probe or lifecycle host", "probe or lifecycle hosts", hosts.Count)} {Text.JoinQuoted(hosts)}");
    }

    private static bool CheckHandler(MappingNode? handler, string path, ref Offences? offences)
    {
        if (handler is null)
        {
            return false;
        }

        var bad = false;
        foreach (var action in Actions)
        {
            var host = handler.GetMapping(action)?.Get("host");
            var text = Text.String(host);
            if (!string.IsNullOrEmpty(text))
            {
                Offences.Add(ref offences, host!, path + "." + action + ".host").AddDistinctValue(text!);
                bad = true;
            }
        }

        return bad;
    }
}
