using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Baseline, v1.0: the default AppArmor profile may not be disabled. The <c>appArmorProfile.type</c> fields (pod and
/// containers) must be <c>RuntimeDefault</c> or <c>Localhost</c>; the deprecated
/// <c>container.apparmor.security.beta.kubernetes.io/*</c> annotations must be empty, <c>runtime/default</c> or
/// <c>localhost/*</c>. Upstream added the field check to its v1.0 implementation (Kubernetes 1.30), so it applies at every
/// policy version.
/// </summary>
internal sealed class AppArmorProfileControl : PodSecurityControl
{
    internal const string AnnotationPrefix = "container.apparmor.security.beta.kubernetes.io/";

    public AppArmorProfileControl()
        : base("appArmorProfile", PodSecurityLevel.Baseline, new[] { 0 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        Offences? offences = null;
        List<string>? types = null;
        var podBad = CheckField(pod.SecurityContext, pod.SecurityContextPath, ref offences, ref types);
        foreach (var container in pod.Containers)
        {
            if (CheckField(PodSecurityPod.SecurityContextOf(container), container.Path + ".securityContext", ref offences, ref types))
            {
                offences!.AddName(container.Name);
            }
        }

        List<string>? annotations = null;
        if (pod.Annotations is { } map)
        {
            foreach (var entry in map.Entries)
            {
                var key = entry.Key.Value;
                if (!key.StartsWith(AnnotationPrefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var value = Text.String(entry.Value) ?? string.Empty;
                if (value.Length == 0 || value == "runtime/default" || value.StartsWith("localhost/", StringComparison.Ordinal))
                {
                    continue;
                }

                Offences.Add(ref offences, entry.Key, pod.MetadataPath + ".annotations[" + key + "]");
                (annotations ??= new List<string>()).Add(key + "=" + Text.Quote(value));
            }
        }

        if (offences is null)
        {
            return null;
        }

        var setters = new List<string>();
        if (podBad)
        {
            setters.Add("pod");
        }

        if (offences.Names.Count > 0)
        {
            setters.Add(Text.Containers(offences.Names));
        }

        var values = types is null ? new List<string>() : Text.SortedDistinct(types);
        if (annotations is not null)
        {
            annotations.Sort(StringComparer.Ordinal);
            values.AddRange(annotations);
            setters.Add(Text.Plural("annotation", "annotations", annotations.Count));
        }

        return offences.Fail(
            Text.Plural("forbidden AppArmor profile", "forbidden AppArmor profiles", values.Count),
            $"{string.Join(" and ", setters)} must not set AppArmor profile type to {Text.JoinQuoted(values)}");
    }

    private static bool CheckField(MappingNode? securityContext, string path, ref Offences? offences, ref List<string>? types)
    {
        var profile = securityContext?.Get("appArmorProfile");
        if (profile is not MappingNode mapping)
        {
            return false;
        }

        var typeNode = mapping.Get("type");
        var type = Text.String(typeNode) ?? string.Empty;
        if (type == "RuntimeDefault" || type == "Localhost")
        {
            return false;
        }

        Offences.Add(ref offences, typeNode ?? mapping, path + ".appArmorProfile.type");
        (types ??= new List<string>()).Add(type);
        return true;
    }
}
