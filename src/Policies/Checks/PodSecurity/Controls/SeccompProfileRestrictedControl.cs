namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.19 and v1.25: every container must run with seccomp <c>RuntimeDefault</c> or <c>Localhost</c>, set on
/// the container or inherited from the pod (a container's own setting wins). Replaces <c>seccompProfile_baseline</c>.
/// From v1.25 Windows pods (<c>spec.os.name: windows</c>) are exempt.
/// </summary>
internal sealed class SeccompProfileRestrictedControl : PodSecurityControl
{
    public SeccompProfileRestrictedControl()
        : base("seccompProfile_restricted", PodSecurityLevel.Restricted, new[] { 19, 25 }, replaces: "seccompProfile_baseline")
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        if (implementation >= 25 && pod.IsWindows)
        {
            return null;
        }

        return SeccompProfileBaselineControl.Fields(pod, requireProfile: true);
    }
}
