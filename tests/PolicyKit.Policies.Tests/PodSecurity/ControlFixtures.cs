using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PolicyKit.Policies.Checks.PodSecurity;
using static PolicyKit.Policies.Tests.PodSecurity.PodSecurityHarness;

namespace PolicyKit.Policies.Tests.PodSecurity;

/// <summary>
/// Our own fixtures, written from the published standard and the reference implementation's behaviour: for each control,
/// from the version its behaviour starts, tweaks of the minimal valid pod that must pass and that must fail with exactly
/// that control. A generator registered at v1.N serves every later version until the next one, as upstream's do; a
/// Baseline generator also serves Restricted unless a Restricted control replaces it there.
/// </summary>
internal static class ControlFixtures
{
    public sealed record Generator(string Control, PodSecurityLevel Level, int Since, Func<JsonObject, int, IEnumerable<JsonObject>> Pass, Func<JsonObject, int, IEnumerable<JsonObject>> Fail);

    private static readonly string[] BaselineCapabilities =
    {
        "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
    };

    private static readonly string[] SysctlsV1Dot0 = { "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_unprivileged_port_start" };
    private static readonly string[] SysctlsV1Dot27 = { "net.ipv4.ip_local_reserved_ports" };
    private static readonly string[] SysctlsV1Dot29 = { "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes" };
    private static readonly string[] SysctlsV1Dot32 = { "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem" };
    private static readonly string[] SysctlsV1Dot37 = { "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat" };

    public static readonly IReadOnlyList<Generator> All = new List<Generator>
    {
        new("hostNamespaces", PodSecurityLevel.Baseline, 0,
            (p, _) => new[] { Tweak(p, x => { Spec(x)["hostNetwork"] = false; Spec(x)["hostPID"] = false; Spec(x)["hostIPC"] = false; }) },
            (p, _) => new[] { Tweak(p, x => Spec(x)["hostNetwork"] = true), Tweak(p, x => Spec(x)["hostPID"] = true), Tweak(p, x => Spec(x)["hostIPC"] = true) }),

        new("privileged", PodSecurityLevel.Baseline, 0,
            (p, _) => new[] { Tweak(p, x => { SecurityContext(Container(x))["privileged"] = false; SecurityContext(InitContainer(x))["privileged"] = false; }) },
            (p, _) => new[] { Tweak(p, x => SecurityContext(Container(x))["privileged"] = true), Tweak(p, x => SecurityContext(InitContainer(x))["privileged"] = true) }),

        new("capabilities_baseline", PodSecurityLevel.Baseline, 0,
            (p, _) => new[] { Tweak(p, x => { Capabilities(Container(x))["add"] = Strings(BaselineCapabilities); Capabilities(InitContainer(x))["add"] = Strings(BaselineCapabilities); }) },
            (p, _) => new[]
            {
                Tweak(p, x => Capabilities(Container(x))["add"] = Strings("NET_RAW")),
                Tweak(p, x => Capabilities(InitContainer(x))["add"] = Strings("NET_RAW")),
                Tweak(p, x => Capabilities(Container(x))["add"] = Strings("chown")),
                Tweak(p, x => Capabilities(Container(x))["add"] = Strings("CAP_CHOWN")),
            }),

        new("hostPathVolumes", PodSecurityLevel.Baseline, 0,
            (p, _) => new[] { Tweak(p, x => Spec(x)["volumes"] = new JsonArray(new JsonObject { ["name"] = "volume1", ["emptyDir"] = new JsonObject() })) },
            (p, _) => new[] { Tweak(p, x => Spec(x)["volumes"] = new JsonArray(new JsonObject { ["name"] = "volume1", ["hostPath"] = new JsonObject { ["path"] = "/a" } })) }),

        new("hostPorts", PodSecurityLevel.Baseline, 0,
            (p, _) => new[] { Tweak(p, x => Container(x)["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 12345, ["hostPort"] = 0 })) },
            (p, _) => new[]
            {
                Tweak(p, x => Container(x)["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 12345, ["hostPort"] = 12345 })),
                Tweak(p, x => InitContainer(x)["ports"] = new JsonArray(new JsonObject { ["containerPort"] = 12346, ["hostPort"] = 12346 })),
            }),

        new("appArmorProfile", PodSecurityLevel.Baseline, 0,
            (p, _) => new[]
            {
                Tweak(p, x => { Annotations(x)["container.apparmor.security.beta.kubernetes.io/container1"] = "runtime/default"; Annotations(x)["container.apparmor.security.beta.kubernetes.io/initcontainer1"] = "localhost/foo"; }),
                Tweak(p, x => { PodSecurityContext(x)["appArmorProfile"] = Type("RuntimeDefault"); SecurityContext(Container(x))["appArmorProfile"] = new JsonObject { ["type"] = "Localhost", ["localhostProfile"] = "odoo" }; }),
            },
            (p, _) => new[]
            {
                Tweak(p, x => Annotations(x)["container.apparmor.security.beta.kubernetes.io/container1"] = "unconfined"),
                Tweak(p, x => Annotations(x)["container.apparmor.security.beta.kubernetes.io/initcontainer1"] = "unconfined"),
                Tweak(p, x => PodSecurityContext(x)["appArmorProfile"] = Type("Unconfined")),
                Tweak(p, x => SecurityContext(Container(x))["appArmorProfile"] = Type("Unconfined")),
                Tweak(p, x => SecurityContext(InitContainer(x))["appArmorProfile"] = Type("Unconfined")),
            }),

        new("seLinuxOptions", PodSecurityLevel.Baseline, 0,
            (p, v) => new[]
            {
                Tweak(p, x => { PodSecurityContext(x)["seLinuxOptions"] = new JsonObject { ["level"] = "s0:c1,c2" }; SecurityContext(Container(x))["seLinuxOptions"] = SeLinuxType("container_t"); SecurityContext(InitContainer(x))["seLinuxOptions"] = SeLinuxType("container_init_t"); }),
                Tweak(p, x => SecurityContext(Container(x))["seLinuxOptions"] = SeLinuxType("container_kvm_t")),
            }.Concat(v >= 31 ? new[] { Tweak(p, x => SecurityContext(Container(x))["seLinuxOptions"] = SeLinuxType("container_engine_t")) } : System.Array.Empty<JsonObject>()),
            (p, v) => new[]
            {
                Tweak(p, x => PodSecurityContext(x)["seLinuxOptions"] = SeLinuxType("foo")),
                Tweak(p, x => SecurityContext(Container(x))["seLinuxOptions"] = SeLinuxType("bar")),
                Tweak(p, x => SecurityContext(InitContainer(x))["seLinuxOptions"] = SeLinuxType("spc_t")),
                Tweak(p, x => SecurityContext(Container(x))["seLinuxOptions"] = new JsonObject { ["user"] = "system_u" }),
                Tweak(p, x => PodSecurityContext(x)["seLinuxOptions"] = new JsonObject { ["role"] = "system_r" }),
            }.Concat(v < 31 ? new[] { Tweak(p, x => SecurityContext(Container(x))["seLinuxOptions"] = SeLinuxType("container_engine_t")) } : System.Array.Empty<JsonObject>())),

        new("procMount", PodSecurityLevel.Baseline, 0,
            (p, v) => new[] { Tweak(p, x => { SecurityContext(Container(x))["procMount"] = "Default"; SecurityContext(InitContainer(x))["procMount"] = "Default"; Spec(x)["hostUsers"] = false; }) }
                .Concat(v >= 35 ? new[] { Tweak(p, x => { SecurityContext(Container(x))["procMount"] = "Unmasked"; SecurityContext(InitContainer(x))["procMount"] = "Unmasked"; Spec(x)["hostUsers"] = false; }) } : System.Array.Empty<JsonObject>()),
            (p, v) => new[]
            {
                Tweak(p, x => { SecurityContext(Container(x))["procMount"] = "Unmasked"; Spec(x)["hostUsers"] = v >= 35; }),
                Tweak(p, x => { SecurityContext(InitContainer(x))["procMount"] = "Unmasked"; Spec(x)["hostUsers"] = v >= 35; }),
                Tweak(p, x => SecurityContext(Container(x))["procMount"] = "Unmasked"),
            }),

        new("seccompProfile_baseline", PodSecurityLevel.Baseline, 0,
            (p, v) => v < 19
                ? new[]
                {
                    Tweak(p, x => { Annotations(x)["seccomp.security.alpha.kubernetes.io/pod"] = "runtime/default"; Annotations(x)["container.seccomp.security.alpha.kubernetes.io/container1"] = "docker/default"; Annotations(x)["container.seccomp.security.alpha.kubernetes.io/initcontainer1"] = "localhost/odoo.json"; }),
                    Tweak(p, x => SecurityContext(Container(x))["seccompProfile"] = Type("Unconfined")), // fields are not read before v1.19
                    Tweak(p, x => Annotations(x)["container.seccomp.security.alpha.kubernetes.io/not-a-container"] = "unconfined"),
                }
                : new[]
                {
                    Tweak(p, x => { PodSecurityContext(x)["seccompProfile"] = Type("RuntimeDefault"); SecurityContext(Container(x))["seccompProfile"] = new JsonObject { ["type"] = "Localhost", ["localhostProfile"] = "odoo.json" }; }),
                    Tweak(p, x => Annotations(x)["seccomp.security.alpha.kubernetes.io/pod"] = "unconfined"), // annotations are not read from v1.19
                },
            (p, v) => v < 19
                ? new[]
                {
                    Tweak(p, x => Annotations(x)["seccomp.security.alpha.kubernetes.io/pod"] = "unconfined"),
                    Tweak(p, x => Annotations(x)["container.seccomp.security.alpha.kubernetes.io/container1"] = "unconfined"),
                    Tweak(p, x => Annotations(x)["container.seccomp.security.alpha.kubernetes.io/initcontainer1"] = "unconfined"),
                }
                : new[]
                {
                    Tweak(p, x => PodSecurityContext(x)["seccompProfile"] = Type("Unconfined")),
                    Tweak(p, x => SecurityContext(Container(x))["seccompProfile"] = Type("Unconfined")),
                    Tweak(p, x => SecurityContext(InitContainer(x))["seccompProfile"] = Type("Unconfined")),
                }),

        new("sysctls", PodSecurityLevel.Baseline, 0,
            (p, v) => new[] { Tweak(p, x => PodSecurityContext(x)["sysctls"] = Sysctls(SafeAt(v))) },
            (p, v) => new[] { Tweak(p, x => PodSecurityContext(x)["sysctls"] = Sysctls("a.b")), Tweak(p, x => PodSecurityContext(x)["sysctls"] = Sysctls("kernel.msgmax")) }
                .Concat(NextSafe(v) is { } next ? new[] { Tweak(p, x => PodSecurityContext(x)["sysctls"] = Sysctls(next)) } : System.Array.Empty<JsonObject>())),

        new("windowsHostProcess", PodSecurityLevel.Baseline, 0,
            (p, _) => new[] { Tweak(p, x => { PodSecurityContext(x)["windowsOptions"] = new JsonObject { ["hostProcess"] = false }; SecurityContext(Container(x))["windowsOptions"] = new JsonObject { ["hostProcess"] = false }; }) },
            (p, _) => new[]
            {
                Tweak(p, x => PodSecurityContext(x)["windowsOptions"] = new JsonObject { ["hostProcess"] = true }),
                Tweak(p, x => SecurityContext(Container(x))["windowsOptions"] = new JsonObject { ["hostProcess"] = true }),
                Tweak(p, x => SecurityContext(InitContainer(x))["windowsOptions"] = new JsonObject { ["hostProcess"] = true }),
            }),

        new("hostProbesAndHostLifecycle", PodSecurityLevel.Baseline, 34,
            (p, _) => new[]
            {
                Tweak(p, x => Container(x)["livenessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["port"] = 8080 } }),
                Tweak(p, x => Container(x)["readinessProbe"] = new JsonObject { ["tcpSocket"] = new JsonObject { ["port"] = 8080, ["host"] = "" } }),
            },
            (p, _) => new[]
            {
                Tweak(p, x => Container(x)["livenessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["host"] = "bad.host", ["port"] = 8080 } }),
                Tweak(p, x => InitContainer(x)["readinessProbe"] = new JsonObject { ["tcpSocket"] = new JsonObject { ["host"] = "8.8.8.8", ["port"] = 8080 } }),
                Tweak(p, x => Container(x)["startupProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["host"] = "::1", ["port"] = 8080 } }),
                Tweak(p, x => Container(x)["lifecycle"] = new JsonObject { ["postStart"] = new JsonObject { ["httpGet"] = new JsonObject { ["host"] = "127.0.0.1", ["port"] = 8080 } } }),
                Tweak(p, x => Container(x)["lifecycle"] = new JsonObject { ["preStop"] = new JsonObject { ["tcpSocket"] = new JsonObject { ["host"] = "bad.host", ["port"] = 8080 } } }),
            }),

        new("restrictedVolumes", PodSecurityLevel.Restricted, 0,
            (p, _) => new[]
            {
                Tweak(p, x => Spec(x)["volumes"] = new JsonArray(
                    new JsonObject { ["name"] = "volume0" },
                    new JsonObject { ["name"] = "volume1", ["emptyDir"] = new JsonObject() },
                    new JsonObject { ["name"] = "volume2", ["secret"] = new JsonObject { ["secretName"] = "test" } },
                    new JsonObject { ["name"] = "volume3", ["persistentVolumeClaim"] = new JsonObject { ["claimName"] = "test" } },
                    new JsonObject { ["name"] = "volume4", ["downwardAPI"] = new JsonObject() },
                    new JsonObject { ["name"] = "volume5", ["configMap"] = new JsonObject { ["name"] = "test" } },
                    new JsonObject { ["name"] = "volume6", ["projected"] = new JsonObject { ["sources"] = new JsonArray() } },
                    new JsonObject { ["name"] = "volume7", ["csi"] = new JsonObject { ["driver"] = "inline.storage.kubernetes.io" } },
                    new JsonObject { ["name"] = "volume8", ["ephemeral"] = new JsonObject() },
                    new JsonObject { ["name"] = "volume9", ["image"] = new JsonObject { ["reference"] = "registry.example/data:1" } })),
            },
            (p, _) => new[]
            {
                "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume", "cinder", "cephfs", "flocker",
                "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk", "portworxVolume", "photonPersistentDisk", "scaleIO", "storageos", "hostPath",
            }.Select(type => Tweak(p, x => Spec(x)["volumes"] = new JsonArray(new JsonObject { ["name"] = "volume1", [type] = new JsonObject() })))),

        new("allowPrivilegeEscalation", PodSecurityLevel.Restricted, 8,
            (p, v) => v >= 25 ? new[] { Tweak(p, x => { Spec(x)["os"] = new JsonObject { ["name"] = "windows" }; Container(x).Remove("securityContext"); }) } : System.Array.Empty<JsonObject>(),
            (p, v) => new[]
            {
                Tweak(p, x => SecurityContext(Container(x))["allowPrivilegeEscalation"] = true),
                Tweak(p, x => SecurityContext(InitContainer(x))["allowPrivilegeEscalation"] = true),
                Tweak(p, x => SecurityContext(Container(x)).Remove("allowPrivilegeEscalation")),
                Tweak(p, x => SecurityContext(Container(x))["allowPrivilegeEscalation"] = null),
            }.Concat(v < 22 ? new[] { Tweak(p, x => Container(x).Remove("securityContext")) } : System.Array.Empty<JsonObject>())), // from v1.22 it also lacks drop ALL

        new("runAsNonRoot", PodSecurityLevel.Restricted, 0,
            (p, v) => new[]
            {
                Tweak(p, x => { PodSecurityContext(x)["runAsNonRoot"] = true; }),
                Tweak(p, x => { PodSecurityContext(x).Remove("runAsNonRoot"); SecurityContext(Container(x))["runAsNonRoot"] = true; SecurityContext(InitContainer(x))["runAsNonRoot"] = true; }),
            }.Concat(v >= 35 ? new[] { Tweak(p, x => { PodSecurityContext(x).Remove("runAsNonRoot"); Spec(x)["hostUsers"] = false; }) } : System.Array.Empty<JsonObject>()),
            (p, v) => new[]
            {
                Tweak(p, x => PodSecurityContext(x).Remove("runAsNonRoot")),
                Tweak(p, x => PodSecurityContext(x)["runAsNonRoot"] = false),
                Tweak(p, x => SecurityContext(Container(x))["runAsNonRoot"] = false),
                Tweak(p, x => SecurityContext(InitContainer(x))["runAsNonRoot"] = false),
            }.Concat(v < 35 ? new[] { Tweak(p, x => { PodSecurityContext(x).Remove("runAsNonRoot"); Spec(x)["hostUsers"] = false; }) } : System.Array.Empty<JsonObject>())),

        new("runAsUser", PodSecurityLevel.Restricted, 23,
            (p, v) => new[] { Tweak(p, x => { PodSecurityContext(x)["runAsUser"] = 1000; SecurityContext(Container(x))["runAsUser"] = 1000; SecurityContext(InitContainer(x))["runAsUser"] = 1000; }) }
                .Concat(v >= 35 ? new[] { Tweak(p, x => { PodSecurityContext(x)["runAsUser"] = 0; Spec(x)["hostUsers"] = false; }) } : System.Array.Empty<JsonObject>()),
            (p, v) => new[]
            {
                Tweak(p, x => PodSecurityContext(x)["runAsUser"] = 0),
                Tweak(p, x => SecurityContext(Container(x))["runAsUser"] = 0),
                Tweak(p, x => SecurityContext(InitContainer(x))["runAsUser"] = 0),
                Tweak(p, x => { SecurityContext(Container(x))["runAsUser"] = 0; Spec(x)["hostUsers"] = true; }),
            }),

        new("seccompProfile_restricted", PodSecurityLevel.Restricted, 19,
            (p, v) => new[]
            {
                Tweak(p, x => { PodSecurityContext(x).Remove("seccompProfile"); SecurityContext(Container(x))["seccompProfile"] = Type("RuntimeDefault"); SecurityContext(InitContainer(x))["seccompProfile"] = new JsonObject { ["type"] = "Localhost", ["localhostProfile"] = "p.json" }; }),
            }.Concat(v >= 25 ? new[] { Tweak(p, x => { PodSecurityContext(x).Remove("seccompProfile"); Spec(x)["os"] = new JsonObject { ["name"] = "windows" }; Container(x).Remove("securityContext"); InitContainer(x).Remove("securityContext"); }) } : System.Array.Empty<JsonObject>()),
            (p, _) => new[]
            {
                Tweak(p, x => PodSecurityContext(x).Remove("seccompProfile")),
                Tweak(p, x => PodSecurityContext(x)["seccompProfile"] = Type("Unconfined")),
                Tweak(p, x => SecurityContext(Container(x))["seccompProfile"] = Type("Unconfined")),
                Tweak(p, x => { PodSecurityContext(x).Remove("seccompProfile"); SecurityContext(Container(x))["seccompProfile"] = Type("RuntimeDefault"); }),
            }),

        new("capabilities_restricted", PodSecurityLevel.Restricted, 22,
            (p, v) => new[] { Tweak(p, x => { Capabilities(Container(x))["add"] = Strings("NET_BIND_SERVICE"); Capabilities(InitContainer(x))["add"] = Strings("NET_BIND_SERVICE"); }) }
                .Concat(v >= 25 ? new[] { Tweak(p, x => { Spec(x)["os"] = new JsonObject { ["name"] = "windows" }; Container(x).Remove("securityContext"); InitContainer(x).Remove("securityContext"); Spec(x).Remove("securityContext"); PodSecurityContext(x)["runAsNonRoot"] = true; }) } : System.Array.Empty<JsonObject>()),
            (p, _) => new[]
            {
                Tweak(p, x => Capabilities(Container(x))["drop"] = new JsonArray()),
                Tweak(p, x => Capabilities(InitContainer(x))["drop"] = new JsonArray()),
                Tweak(p, x => Capabilities(Container(x))["drop"] = Strings("all")),
                Tweak(p, x => Capabilities(Container(x))["drop"] = Strings("SYS_ADMIN", "NET_RAW", "CHOWN", "SETUID", "SETGID", "KILL")),
                Tweak(p, x => { Capabilities(Container(x))["add"] = Strings(BaselineCapabilities); Capabilities(InitContainer(x))["add"] = Strings("SYS_ADMIN"); }),
            }),

        new("procMount_restricted", PodSecurityLevel.Restricted, 35,
            (p, _) => new[] { Tweak(p, x => { SecurityContext(Container(x))["procMount"] = "Default"; Spec(x)["hostUsers"] = false; }) },
            (p, _) => new[]
            {
                Tweak(p, x => { SecurityContext(Container(x))["procMount"] = "Unmasked"; Spec(x)["hostUsers"] = false; }),
                Tweak(p, x => { SecurityContext(InitContainer(x))["procMount"] = "Unmasked"; Spec(x)["hostUsers"] = false; }),
            }),
    };

    /// <summary>The generator serving <paramref name="control"/> at a level and version, or null when it does not apply.</summary>
    public static Generator? For(string control, PodSecurityLevel level, int minor)
    {
        var generator = All.Single(g => g.Control == control);
        if (minor < generator.Since || level < generator.Level || level == PodSecurityLevel.Privileged)
        {
            return null;
        }

        return generator;
    }

    private static JsonObject Capabilities(JsonObject container) => Ensure(SecurityContext(container), "capabilities");

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonObject SeLinuxType(string type) => new() { ["type"] = type };

    private static JsonArray Strings(params string[] items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());

    private static JsonArray Sysctls(params string[] names) => new(names.Select(n => (JsonNode)new JsonObject { ["name"] = n, ["value"] = "0" }).ToArray());

    private static string[] SafeAt(int minor) => SysctlsV1Dot0
        .Concat(minor >= 27 ? SysctlsV1Dot27 : System.Array.Empty<string>())
        .Concat(minor >= 29 ? SysctlsV1Dot29 : System.Array.Empty<string>())
        .Concat(minor >= 32 ? SysctlsV1Dot32 : System.Array.Empty<string>())
        .Concat(minor >= 37 ? SysctlsV1Dot37 : System.Array.Empty<string>())
        .ToArray();

    /// <summary>A sysctl that becomes safe after <paramref name="minor"/>, so it must still fail there.</summary>
    private static string? NextSafe(int minor) => minor switch
    {
        < 27 => SysctlsV1Dot27[0],
        < 29 => SysctlsV1Dot29[0],
        < 32 => SysctlsV1Dot32[1],
        < 37 => SysctlsV1Dot37[0],
        _ => null,
    };
}
