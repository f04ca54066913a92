namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.35: <c>securityContext.procMount</c> must be unset or <c>Default</c>, user namespace or not, so that the
/// v1.35 relaxation of <c>procMount</c> (upstream's <c>procMount_baseline</c>) for user-namespaced pods does not reach
/// Restricted. Like upstream (<c>OverrideCheckIDs: procMount</c>), it replaces <c>procMount</c> at Restricted from v1.35,
/// as <c>restrictedVolumes</c> replaces <c>hostPathVolumes</c>: a pod that unmasks /proc fails it once, not twice.
/// </summary>
internal sealed class ProcMountRestrictedControl : PodSecurityControl
{
    public ProcMountRestrictedControl()
        : base("procMount_restricted", PodSecurityLevel.Restricted, new[] { 35 }, replaces: "procMount")
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation) => ProcMountControl.Strict(pod);
}
