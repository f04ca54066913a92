namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>Baseline, v1.0: no container may set <c>securityContext.privileged: true</c>.</summary>
internal sealed class PrivilegedControl : PodSecurityControl
{
    public PrivilegedControl()
        : base("privileged", PodSecurityLevel.Baseline, new[] { 0 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        Offences? offences = null;
        foreach (var container in pod.Containers)
        {
            var value = PodSecurityPod.SecurityContextOf(container)?.Get("privileged");
            if (Text.IsTrue(value))
            {
                Offences.Add(ref offences, value!, container.Path + ".securityContext.privileged").AddName(container.Name);
            }
        }

        return offences?.Fail("privileged", Text.Containers(offences.Names) + " must not set securityContext.privileged=true");
    }
}
