using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>Baseline, v1.0: neither the pod nor a container may set <c>securityContext.windowsOptions.hostProcess: true</c>.</summary>
internal sealed class WindowsHostProcessControl : PodSecurityControl
{
    public WindowsHostProcessControl()
        : base("windowsHostProcess", PodSecurityLevel.Baseline, new[] { 0 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        Offences? offences = null;
        var podBad = Check(pod.SecurityContext, pod.SecurityContextPath, ref offences);
        foreach (var container in pod.Containers)
        {
            if (Check(PodSecurityPod.SecurityContextOf(container), container.Path + ".securityContext", ref offences))
            {
                offences!.AddName(container.Name);
            }
        }

        return offences?.Fail("hostProcess", Text.Setters(podBad, offences.Names) + " must not set securityContext.windowsOptions.hostProcess=true");
    }

    private static bool Check(MappingNode? securityContext, string path, ref Offences? offences)
    {
        var value = securityContext?.GetMapping("windowsOptions")?.Get("hostProcess");
        if (!Text.IsTrue(value))
        {
            return false;
        }

        Offences.Add(ref offences, value!, path + ".windowsOptions.hostProcess");
        return true;
    }
}
