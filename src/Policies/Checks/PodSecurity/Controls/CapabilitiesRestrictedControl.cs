using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.22 and v1.25: every container must drop <c>ALL</c> capabilities and may add back only
/// <c>NET_BIND_SERVICE</c>. Replaces <c>capabilities_baseline</c>. From v1.25 Windows pods (<c>spec.os.name: windows</c>)
/// are exempt.
/// </summary>
internal sealed class CapabilitiesRestrictedControl : PodSecurityControl
{
    public CapabilitiesRestrictedControl()
        : base("capabilities_restricted", PodSecurityLevel.Restricted, new[] { 22, 25 }, replaces: "capabilities_baseline")
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        if (implementation >= 25 && pod.IsWindows)
        {
            return null;
        }

        Offences? offences = null;
        List<string>? missingDropAll = null;
        List<string>? addingForbidden = null;
        List<string>? forbidden = null;
        foreach (var container in pod.Containers)
        {
            var path = container.Path + ".securityContext.capabilities";
            var capabilities = PodSecurityPod.SecurityContextOf(container)?.GetMapping("capabilities");
            var drop = capabilities?.GetSequence("drop");
            if (!Contains(drop, "ALL"))
            {
                Offences.Add(ref offences, (YamlNode?)drop ?? (YamlNode?)capabilities ?? container.Anchor, path + ".drop");
                (missingDropAll ??= new List<string>()).Add(container.Name);
            }

            if (capabilities?.GetSequence("add") is not { } add)
            {
                continue;
            }

            var bad = false;
            foreach (var item in add.Items)
            {
                var capability = Text.String(item) ?? string.Empty;
                if (capability != "NET_BIND_SERVICE")
                {
                    Offences.Add(ref offences, item, path + ".add");
                    forbidden ??= new List<string>();
                    if (!forbidden.Contains(capability))
                    {
                        forbidden.Add(capability);
                    }

                    bad = true;
                }
            }

            if (bad)
            {
                (addingForbidden ??= new List<string>()).Add(container.Name);
            }
        }

        if (offences is null)
        {
            return null;
        }

        var details = new List<string>(2);
        if (missingDropAll is not null)
        {
            details.Add(Text.Containers(missingDropAll) + " must set securityContext.capabilities.drop=[\"ALL\"]");
        }

        if (addingForbidden is not null)
        {
            details.Add($"{Text.Containers(addingForbidden)} must not include {Text.JoinQuoted(Text.SortedDistinct(forbidden!))} in securityContext.capabilities.add");
        }

        return offences.Fail("unrestricted capabilities", string.Join("; ", details));
    }

    private static bool Contains(SequenceNode? sequence, string value)
    {
        if (sequence is null)
        {
            return false;
        }

        foreach (var item in sequence.Items)
        {
            if (Text.String(item) == value)
            {
                return true;
            }
        }

        return false;
    }
}
