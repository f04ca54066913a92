using System.Collections.Generic;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.0 and v1.35: containers must run as non-root — <c>runAsNonRoot: true</c> on the pod (inherited) or on
/// every container, and never <c>false</c> anywhere (a container's own setting wins over the pod's). From v1.35 a pod in a
/// user namespace (<c>hostUsers: false</c>) is exempt: its root is not the node's root.
/// </summary>
internal sealed class RunAsNonRootControl : PodSecurityControl
{
    public RunAsNonRootControl()
        : base("runAsNonRoot", PodSecurityLevel.Restricted, new[] { 0, 35 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        if (implementation >= 35 && pod.UsesUserNamespace)
        {
            return null;
        }

        Offences? offences = null;
        var podValue = pod.SecurityContext?.Get("runAsNonRoot");
        var podBad = Text.IsFalse(podValue);
        var podTrue = Text.IsTrue(podValue);
        if (podBad)
        {
            Offences.Add(ref offences, podValue!, pod.SecurityContextPath + ".runAsNonRoot");
        }

        Offences? missing = null;
        List<string>? unset = null;
        foreach (var container in pod.Containers)
        {
            var value = PodSecurityPod.SecurityContextOf(container)?.Get("runAsNonRoot");
            if (Text.IsFalse(value))
            {
                Offences.Add(ref offences, value!, container.Path + ".securityContext.runAsNonRoot").AddName(container.Name);
            }
            else if (!Text.IsTrue(value) && !podTrue)
            {
                Offences.Add(ref missing, container.Anchor, container.Path + ".securityContext.runAsNonRoot");
                (unset ??= new List<string>()).Add(container.Name);
            }
        }

        if (offences is not null)
        {
            return offences.Fail("runAsNonRoot != true", Text.Setters(podBad, offences.Names) + " must not set securityContext.runAsNonRoot=false");
        }

        return missing?.Fail("runAsNonRoot != true", $"pod or {Text.Containers(unset!)} must set securityContext.runAsNonRoot=true");
    }
}
