using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Baseline, v1.0 and v1.31: <c>seLinuxOptions.type</c> (pod and containers) must be empty or a container type —
/// <c>container_t</c>, <c>container_init_t</c>, <c>container_kvm_t</c>, and from v1.31 <c>container_engine_t</c>;
/// <c>user</c> and <c>role</c> must not be set.
/// </summary>
internal sealed class SeLinuxOptionsControl : PodSecurityControl
{
    private static readonly HashSet<string> TypesV1Dot0 = new(StringComparer.Ordinal) { string.Empty, "container_t", "container_init_t", "container_kvm_t" };

    private static readonly HashSet<string> TypesV1Dot31 = new(TypesV1Dot0, StringComparer.Ordinal) { "container_engine_t" };

    private static readonly string[] UserAndRole = { "user", "role" };

    public SeLinuxOptionsControl()
        : base("seLinuxOptions", PodSecurityLevel.Baseline, new[] { 0, 31 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        var allowed = implementation >= 31 ? TypesV1Dot31 : TypesV1Dot0;
        var state = new State();
        Offences? offences = null;
        var podBad = Check(pod.SecurityContext, pod.SecurityContextPath, allowed, ref offences, ref state);
        foreach (var container in pod.Containers)
        {
            if (Check(PodSecurityPod.SecurityContextOf(container), container.Path + ".securityContext", allowed, ref offences, ref state))
            {
                offences!.AddName(container.Name);
            }
        }

        if (offences is null)
        {
            return null;
        }

        var problems = new List<string>();
        if (offences.Values.Count > 0)
        {
            var types = Text.SortedDistinct(offences.Values);
            problems.Add(Text.Plural("type", "types", types.Count) + " " + Text.JoinQuoted(types));
        }

        if (state.User)
        {
            problems.Add("user may not be set");
        }

        if (state.Role)
        {
            problems.Add("role may not be set");
        }

        return offences.Fail(
            "seLinuxOptions",
            $"{Text.Setters(podBad, offences.Names)} set forbidden securityContext.seLinuxOptions: {string.Join("; ", problems)}");
    }

    private static bool Check(MappingNode? securityContext, string path, HashSet<string> allowed, ref Offences? offences, ref State state)
    {
        if (securityContext?.Get("seLinuxOptions") is not MappingNode options)
        {
            return false;
        }

        var bad = false;
        var optionsPath = path + ".seLinuxOptions";
        var typeNode = options.Get("type");
        var type = Text.String(typeNode) ?? string.Empty;
        if (!allowed.Contains(type))
        {
            Offences.Add(ref offences, typeNode!, optionsPath + ".type").AddValue(type);
            bad = true;
        }

        foreach (var field in UserAndRole)
        {
            var node = options.Get(field);
            if ((Text.String(node) ?? string.Empty).Length > 0)
            {
                Offences.Add(ref offences, node!, optionsPath + "." + field);
                if (field == "user")
                {
                    state.User = true;
                }
                else
                {
                    state.Role = true;
                }

                bad = true;
            }
        }

        return bad;
    }

    private struct State
    {
        public bool User;
        public bool Role;
    }
}
