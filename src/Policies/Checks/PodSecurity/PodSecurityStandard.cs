using System;
using System.Collections.Generic;
using PolicyKit.Policies.Checks.PodSecurity.Controls;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// The Pod Security Standards as the reference implementation (<c>k8s.io/pod-security-admission</c>) defines them: every
/// control with its versioned implementations, and for each level and policy version the implementation of each control
/// in force. The tables are computed once, when the type loads; evaluation only indexes them.
/// </summary>
/// <remarks>
/// Resolution follows upstream: Privileged runs nothing; Baseline runs the Baseline controls; Restricted runs the
/// Restricted controls plus every Baseline control not replaced by one of them at that version. A control runs from its
/// first version on, with the newest implementation not newer than the policy version. <c>latest</c>, and any version newer
/// than the newest a control was changed at, is judged as that newest version (<see cref="NewestMinor"/>).
/// </remarks>
public static class PodSecurityStandard
{
    private static readonly PodSecurityControl[] All =
    {
        // Baseline
        new HostNamespacesControl(),
        new PrivilegedControl(),
        new CapabilitiesBaselineControl(),
        new HostPathVolumesControl(),
        new HostPortsControl(),
        new AppArmorProfileControl(),
        new SeLinuxOptionsControl(),
        new ProcMountControl(),
        new SeccompProfileBaselineControl(),
        new SysctlsControl(),
        new WindowsHostProcessControl(),
        new HostProbesAndHostLifecycleControl(),

        // Restricted
        new RestrictedVolumesControl(),
        new AllowPrivilegeEscalationControl(),
        new RunAsNonRootControl(),
        new RunAsUserControl(),
        new SeccompProfileRestrictedControl(),
        new CapabilitiesRestrictedControl(),
        new ProcMountRestrictedControl(),
    };

    private static readonly Dictionary<string, PodSecurityControl> ById = Index();

    /// <summary>The newest policy version any control changed at: what <c>latest</c> means (v1.37 in this build).</summary>
    public static readonly int NewestMinor = ComputeNewestMinor();

    static PodSecurityStandard() => BuildTables();

    public static IReadOnlyList<PodSecurityControl> Controls => All;

    public static PodSecurityControl Get(string id) =>
        ById.TryGetValue(id, out var control) ? control : throw new ArgumentException($"no Pod Security control '{id}'", nameof(id));

    /// <summary>The controls that judge at <paramref name="level"/> and <paramref name="version"/>, in registry order.</summary>
    public static IReadOnlyList<PodSecurityControl> ControlsAt(PodSecurityLevel level, PodSecurityVersion version)
    {
        var minor = version.EffectiveMinor;
        var result = new List<PodSecurityControl>();
        foreach (var control in All)
        {
            if (control.ImplementationAt(level, minor) >= 0)
            {
                result.Add(control);
            }
        }

        return result;
    }

    private static Dictionary<string, PodSecurityControl> Index()
    {
        var index = new Dictionary<string, PodSecurityControl>(StringComparer.Ordinal);
        foreach (var control in All)
        {
            index.Add(control.Id, control);
        }

        return index;
    }

    private static int ComputeNewestMinor()
    {
        var newest = 0;
        foreach (var control in All)
        {
            newest = Math.Max(newest, control.Versions[control.Versions.Count - 1]);
        }

        return newest;
    }

    private static void BuildTables()
    {
        var width = NewestMinor + 1;
        foreach (var control in All)
        {
            var table = new int[3 * width];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = -1;
            }

            for (var minor = 0; minor <= NewestMinor; minor++)
            {
                var implementation = ImplementationOf(control, minor);
                if (implementation < 0)
                {
                    continue;
                }

                if (control.Level == PodSecurityLevel.Baseline)
                {
                    table[((int)PodSecurityLevel.Baseline * width) + minor] = implementation;
                    if (!IsReplacedAt(control, minor))
                    {
                        table[((int)PodSecurityLevel.Restricted * width) + minor] = implementation;
                    }
                }
                else
                {
                    table[((int)PodSecurityLevel.Restricted * width) + minor] = implementation;
                }
            }

            control.SetTable(table);
        }
    }

    /// <summary>The newest implementation starting at or before <paramref name="minor"/>, or -1 before the first.</summary>
    private static int ImplementationOf(PodSecurityControl control, int minor)
    {
        var found = -1;
        foreach (var version in control.Versions)
        {
            if (version <= minor)
            {
                found = version;
            }
        }

        return found;
    }

    private static bool IsReplacedAt(PodSecurityControl baseline, int minor)
    {
        foreach (var control in All)
        {
            if (control.Level == PodSecurityLevel.Restricted && control.Replaces == baseline.Id && control.Since <= minor)
            {
                return true;
            }
        }

        return false;
    }
}
