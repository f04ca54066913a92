using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Baseline, v1.0, v1.27, v1.29, v1.32 and v1.37: <c>spec.securityContext.sysctls</c> may only name "safe" sysctls — namespaced
/// and isolated from other pods. The list grows with the policy version.
/// </summary>
internal sealed class SysctlsControl : PodSecurityControl
{
    private static readonly HashSet<string> AllowedV1Dot0 = new(StringComparer.Ordinal)
    {
        "kernel.shm_rmid_forced",
        "net.ipv4.ip_local_port_range",
        "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range",
        "net.ipv4.ip_unprivileged_port_start",
    };

    private static readonly HashSet<string> AllowedV1Dot27 = new(AllowedV1Dot0, StringComparer.Ordinal)
    {
        "net.ipv4.ip_local_reserved_ports",
    };

    private static readonly HashSet<string> AllowedV1Dot29 = new(AllowedV1Dot27, StringComparer.Ordinal)
    {
        "net.ipv4.tcp_keepalive_time",
        "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl",
        "net.ipv4.tcp_keepalive_probes",
    };

    private static readonly HashSet<string> AllowedV1Dot32 = new(AllowedV1Dot29, StringComparer.Ordinal)
    {
        "net.ipv4.tcp_rmem",
        "net.ipv4.tcp_wmem",
    };

    private static readonly HashSet<string> AllowedV1Dot37 = new(AllowedV1Dot32, StringComparer.Ordinal)
    {
        "net.ipv4.tcp_slow_start_after_idle",
        "net.ipv4.tcp_notsent_lowat",
    };

    public SysctlsControl()
        : base("sysctls", PodSecurityLevel.Baseline, new[] { 0, 27, 29, 32, 37 })
    {
    }

    /// <summary>The safe sysctls at the implementation starting at <paramref name="implementation"/>.</summary>
    internal static IReadOnlyCollection<string> AllowedAt(int implementation) => implementation switch
    {
        >= 37 => AllowedV1Dot37,
        >= 32 => AllowedV1Dot32,
        >= 29 => AllowedV1Dot29,
        >= 27 => AllowedV1Dot27,
        _ => AllowedV1Dot0,
    };

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        if (pod.SecurityContext?.GetSequence("sysctls") is not { } sysctls)
        {
            return null;
        }

        var allowed = (HashSet<string>)AllowedAt(implementation);
        Offences? offences = null;
        foreach (var item in sysctls.Items)
        {
            if (item is not MappingNode sysctl)
            {
                continue;
            }

            var nameNode = sysctl.Get("name");
            var name = Text.String(nameNode) ?? string.Empty;
            if (!allowed.Contains(name))
            {
                var path = pod.SecurityContextPath + ".sysctls[name=" + name + "].name";
                Offences.Add(ref offences, nameNode ?? sysctl, path).AddValue(name);
            }
        }

        return offences?.Fail("forbidden sysctls", string.Join(", ", offences.Values));
    }
}
