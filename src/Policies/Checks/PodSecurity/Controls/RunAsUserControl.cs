namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.23 and v1.35: neither the pod nor a container may set <c>runAsUser: 0</c> (unset is allowed; the image's
/// user then applies, and <c>runAsNonRoot</c> guards it). From v1.35 a pod in a user namespace (<c>hostUsers: false</c>) is
/// exempt.
/// </summary>
internal sealed class RunAsUserControl : PodSecurityControl
{
    public RunAsUserControl()
        : base("runAsUser", PodSecurityLevel.Restricted, new[] { 23, 35 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        if (implementation >= 35 && pod.UsesUserNamespace)
        {
            return null;
        }

        Offences? offences = null;
        var podValue = pod.SecurityContext?.Get("runAsUser");
        var podBad = Text.IsZeroInteger(podValue);
        if (podBad)
        {
            Offences.Add(ref offences, podValue!, pod.SecurityContextPath + ".runAsUser");
        }

        foreach (var container in pod.Containers)
        {
            var value = PodSecurityPod.SecurityContextOf(container)?.Get("runAsUser");
            if (Text.IsZeroInteger(value))
            {
                Offences.Add(ref offences, value!, container.Path + ".securityContext.runAsUser").AddName(container.Name);
            }
        }

        return offences?.Fail("runAsUser=0", Text.Setters(podBad, offences.Names) + " must not set runAsUser=0");
    }
}
