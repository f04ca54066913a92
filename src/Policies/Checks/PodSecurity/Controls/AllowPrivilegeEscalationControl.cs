namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.8 and v1.25: every container must set <c>securityContext.allowPrivilegeEscalation: false</c> (unset means
/// allowed). From v1.25 Windows pods (<c>spec.os.name: windows</c>) are exempt.
/// </summary>
internal sealed class AllowPrivilegeEscalationControl : PodSecurityControl
{
    public AllowPrivilegeEscalationControl()
        : base("allowPrivilegeEscalation", PodSecurityLevel.Restricted, new[] { 8, 25 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        if (implementation >= 25 && pod.IsWindows)
        {
            return null;
        }

        Offences? offences = null;
        foreach (var container in pod.Containers)
        {
            var value = PodSecurityPod.SecurityContextOf(container)?.Get("allowPrivilegeEscalation");
            if (!Text.IsFalse(value))
            {
                var at = Text.IsSet(value) ? value! : container.Anchor;
                Offences.Add(ref offences, at, container.Path + ".securityContext.allowPrivilegeEscalation").AddName(container.Name);
            }
        }

        return offences?.Fail(
            "allowPrivilegeEscalation != false",
            Text.Containers(offences.Names) + " must set securityContext.allowPrivilegeEscalation=false");
    }
}
