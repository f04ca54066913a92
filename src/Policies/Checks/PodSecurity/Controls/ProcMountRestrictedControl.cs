namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.35: <c>securityContext.procMount</c> must be unset or <c>Default</c>, user namespace or not, so that the
/// v1.35 relaxation of <c>procMount</c> (upstream's <c>procMount_baseline</c>) for user-namespaced pods does not reach
/// Restricted. Like upstream, it runs beside <c>procMount</c> rather than replacing it: a pod on the host's user namespace
/// that unmasks /proc fails both.
/// </summary>
internal sealed class ProcMountRestrictedControl : PodSecurityControl
{
    public ProcMountRestrictedControl()
        : base("procMount_restricted", PodSecurityLevel.Restricted, new[] { 35 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation) => ProcMountControl.Strict(pod);
}
