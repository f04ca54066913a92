using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Baseline, v1.0 and v1.35 (upstream's <c>procMount_baseline</c>, formerly <c>procMount</c>): <c>securityContext.procMount</c>
/// must be unset or <c>Default</c>. From v1.35 a pod in a user namespace (<c>hostUsers: false</c>) may use any value. It
/// runs at Restricted too; there <c>procMount_restricted</c> (v1.35) keeps the strict rule for user-namespaced pods.
/// </summary>
internal sealed class ProcMountControl : PodSecurityControl
{
    public ProcMountControl()
        : base("procMount", PodSecurityLevel.Baseline, new[] { 0, 35 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        if (implementation >= 35 && pod.UsesUserNamespace)
        {
            return null;
        }

        return Strict(pod);
    }

    /// <summary>The v1.0 rule, which <c>procMount_restricted</c> also applies.</summary>
    internal static ControlFailure? Strict(PodSecurityPod pod)
    {
        Offences? offences = null;
        foreach (var container in pod.Containers)
        {
            var value = PodSecurityPod.SecurityContextOf(container)?.Get("procMount");
            if (Text.IsSet(value) && Text.String(value) != "Default")
            {
                Offences.Add(ref offences, value!, container.Path + ".securityContext.procMount").AddName(container.Name);
                offences!.AddDistinctValue((value as ScalarNode)?.Value ?? string.Empty);
            }
        }

        return offences?.Fail(
            "procMount",
            $"{Text.Containers(offences.Names)} must not set securityContext.procMount to {Text.JoinQuoted(Text.SortedDistinct(offences.Values))}");
    }
}
