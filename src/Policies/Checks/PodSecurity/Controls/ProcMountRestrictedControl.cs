namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.35: replaces <c>procMount</c> so that the v1.35 relaxation for user-namespaced pods does not reach
/// Restricted; <c>securityContext.procMount</c> must still be unset or <c>Default</c>.
/// </summary>
internal sealed class ProcMountRestrictedControl : PodSecurityControl
{
    public ProcMountRestrictedControl()
        : base("procMount_restricted", PodSecurityLevel.Restricted, new[] { 35 }, replaces: "procMount")
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation) => ProcMountControl.Strict(pod);
}
