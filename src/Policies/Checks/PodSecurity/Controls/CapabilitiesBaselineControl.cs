using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Baseline, v1.0: containers may add only capabilities of the container runtime's default set (spelled exactly, without
/// <c>CAP_</c>); <c>NET_RAW</c> is not among them.
/// </summary>
internal sealed class CapabilitiesBaselineControl : PodSecurityControl
{
    internal static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
        "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    public CapabilitiesBaselineControl()
        : base("capabilities_baseline", PodSecurityLevel.Baseline, new[] { 0 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        Offences? offences = null;
        foreach (var container in pod.Containers)
        {
            if (PodSecurityPod.SecurityContextOf(container)?.GetMapping("capabilities")?.GetSequence("add") is not { } add)
            {
                continue;
            }

            var bad = false;
            foreach (var item in add.Items)
            {
                var capability = Text.String(item) ?? string.Empty;
                if (!Allowed.Contains(capability))
                {
                    Offences.Add(ref offences, item, container.Path + ".securityContext.capabilities.add").AddDistinctValue(capability);
                    bad = true;
                }
            }

            if (bad)
            {
                offences!.AddName(container.Name);
            }
        }

        return offences?.Fail(
            "non-default capabilities",
            $"{Text.Containers(offences.Names)} must not include {Text.JoinQuoted(Text.SortedDistinct(offences.Values))} in securityContext.capabilities.add");
    }
}
