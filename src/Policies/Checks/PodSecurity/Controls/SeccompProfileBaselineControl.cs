using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Baseline, v1.0 and v1.19: seccomp must not be disabled. Before v1.19 only the alpha annotations are judged
/// (<c>seccomp.security.alpha.kubernetes.io/pod</c> and <c>container.seccomp.security.alpha.kubernetes.io/NAME</c> must be
/// <c>runtime/default</c>, <c>docker/default</c> or <c>localhost/*</c>); from v1.19 only the <c>seccompProfile.type</c>
/// fields, which, when set, must be <c>RuntimeDefault</c> or <c>Localhost</c>. At Restricted from v1.19,
/// <c>seccompProfile_restricted</c> takes its place.
/// </summary>
internal sealed class SeccompProfileBaselineControl : PodSecurityControl
{
    internal const string PodAnnotation = "seccomp.security.alpha.kubernetes.io/pod";
    internal const string ContainerAnnotationPrefix = "container.seccomp.security.alpha.kubernetes.io/";

    public SeccompProfileBaselineControl()
        : base("seccompProfile_baseline", PodSecurityLevel.Baseline, new[] { 0, 19 })
    {
    }

    internal static bool IsAllowedType(string? type) => type == "RuntimeDefault" || type == "Localhost";

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation) =>
        implementation >= 19 ? Fields(pod, requireProfile: false) : Annotations(pod);

    /// <summary>
    /// The field rule shared with <c>seccompProfile_restricted</c>: set types must be allowed; with
    /// <paramref name="requireProfile"/>, every container must also get a profile from itself or the pod.
    /// </summary>
    internal static ControlFailure? Fields(PodSecurityPod pod, bool requireProfile)
    {
        Offences? offences = null;
        var badPod = false;
        var podSet = false;
        if (pod.SecurityContext?.Get("seccompProfile") is MappingNode podProfile)
        {
            var typeNode = podProfile.Get("type");
            var type = Text.String(typeNode) ?? string.Empty;
            if (IsAllowedType(type))
            {
                podSet = true;
            }
            else
            {
                Offences.Add(ref offences, typeNode ?? podProfile, pod.SecurityContextPath + ".seccompProfile.type").AddDistinctValue(type);
                badPod = true;
            }
        }

        List<string>? unset = null;
        Offences? missing = null;
        foreach (var container in pod.Containers)
        {
            if (PodSecurityPod.SecurityContextOf(container)?.Get("seccompProfile") is MappingNode profile)
            {
                var typeNode = profile.Get("type");
                var type = Text.String(typeNode) ?? string.Empty;
                if (!IsAllowedType(type))
                {
                    Offences.Add(ref offences, typeNode ?? profile, container.Path + ".securityContext.seccompProfile.type").AddName(container.Name);
                    offences!.AddDistinctValue(type);
                }
            }
            else if (requireProfile && !podSet)
            {
                Offences.Add(ref missing, container.Anchor, container.Path + ".securityContext.seccompProfile.type");
                (unset ??= new List<string>()).Add(container.Name);
            }
        }

        if (offences is not null)
        {
            return offences.Fail(
                "seccompProfile",
                $"{Text.Setters(badPod, offences.Names)} must not set securityContext.seccompProfile.type to {Text.JoinQuoted(Text.SortedDistinct(offences.Values))}");
        }

        return missing?.Fail(
            "seccompProfile",
            $"pod or {Text.Containers(unset!)} must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\"");
    }

    private static ControlFailure? Annotations(PodSecurityPod pod)
    {
        if (pod.Annotations is not { } annotations)
        {
            return null;
        }

        Offences? offences = null;
        Check(pod, annotations, PodAnnotation, ref offences);
        foreach (var container in pod.Containers)
        {
            Check(pod, annotations, ContainerAnnotationPrefix + container.Name, ref offences);
        }

        if (offences is null)
        {
            return null;
        }

        var forbidden = Text.SortedDistinct(offences.Values);
        return offences.Fail(
            "seccompProfile",
            $"forbidden {Text.Plural("annotation", "annotations", forbidden.Count)} {string.Join(", ", forbidden)}");
    }

    private static void Check(PodSecurityPod pod, MappingNode annotations, string key, ref Offences? offences)
    {
        if (!annotations.TryGetEntry(key, out var entry))
        {
            return;
        }

        var value = Text.String(entry.Value) ?? string.Empty;
        if (value == "runtime/default" || value == "docker/default" || value.StartsWith("localhost/", StringComparison.Ordinal))
        {
            return;
        }

        Offences.Add(ref offences, entry.Key, pod.MetadataPath + ".annotations[" + key + "]").AddValue(key + "=" + Text.Quote(value));
    }
}
