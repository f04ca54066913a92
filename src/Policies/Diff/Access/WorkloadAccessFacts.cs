using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Diff.Access;

/// <summary>
/// What a workload's pods may do on their node: privileged containers, added capabilities, host namespaces, hostPath
/// volumes, running as root, and the service-account token mounted for the API.
/// </summary>
internal static class WorkloadAccessFacts
{
    private static readonly string[] HostNamespaces = { "hostNetwork", "hostPID", "hostIPC" };

    public static void Collect(Resource resource, List<AccessFact> facts)
    {
        var pod = resource.PodSpec!;
        var spec = pod.Spec;
        var identity = resource.Identity;
        foreach (var field in HostNamespaces)
        {
            if (spec.GetScalar(field) is { } value && value.AsBoolean() == true)
            {
                facts.Add(AccessFacts.Fact(resource, AccessArea.Workload, AccessFactKinds.HostNamespace, field, new[] { "true" }, true, $"{identity} shares the node's {field.Substring(4)} namespace ({field}: true)", value, $"{pod.Path}.{field}"));
            }
        }

        var volumes = spec.GetSequence("volumes")?.Items.OfType<MappingNode>() ?? Enumerable.Empty<MappingNode>();
        foreach (var volume in volumes)
        {
            if (volume.GetMapping("hostPath") is { } hostPath)
            {
                var name = volume.GetString("name") ?? "(unnamed)";
                var path = hostPath.GetString("path") ?? "(no path)";
                facts.Add(AccessFacts.Fact(resource, AccessArea.Workload, AccessFactKinds.HostPath, name, new[] { path }, true, $"{identity} mounts the node's {path} (volume \"{name}\")", hostPath, $"{pod.Path}.volumes[name={name}].hostPath"));
            }
        }

        var automount = spec.GetScalar("automountServiceAccountToken");
        if (automount?.AsBoolean() != false)
        {
            facts.Add(AccessFacts.Fact(resource, AccessArea.Workload, AccessFactKinds.TokenAutomount, "pod", new[] { "mounted" }, automount is not null, $"{identity} mounts its service-account token for the Kubernetes API", (YamlNode?)automount ?? spec, $"{pod.Path}.automountServiceAccountToken"));
        }

        var podContext = pod.SecurityContext;
        foreach (var list in PodSpecView.ContainerLists)
        {
            foreach (var container in pod.ContainersIn(list))
            {
                var context = container.Node.GetMapping("securityContext");
                if (context?.GetScalar("privileged") is { } privileged && privileged.AsBoolean() == true)
                {
                    facts.Add(AccessFacts.Fact(resource, AccessArea.Workload, AccessFactKinds.Privileged, container.Name, new[] { "true" }, true, $"container \"{container.Name}\" of {identity} runs privileged", privileged, $"{container.Path}.securityContext.privileged"));
                }

                if (context?.GetMapping("capabilities")?.Get("add") is SequenceNode added && added.Items.Count > 0)
                {
                    var capabilities = AccessFacts.Strings(added).Select(c => c.Value).ToList();
                    facts.Add(AccessFacts.Fact(resource, AccessArea.Workload, AccessFactKinds.AddedCapabilities, container.Name, capabilities, true, $"container \"{container.Name}\" of {identity} adds capabilities {string.Join(", ", capabilities)}", added, $"{container.Path}.securityContext.capabilities.add"));
                }

                CollectRoot(resource, facts, container, context, podContext);
            }
        }
    }

    /// <summary>Root is possible unless the container or the pod requires non-root; an explicit user 0 or runAsNonRoot: false asks for it.</summary>
    private static void CollectRoot(Resource resource, List<AccessFact> facts, ContainerView container, MappingNode? context, MappingNode? podContext)
    {
        var user = context?.GetScalar("runAsUser") ?? podContext?.GetScalar("runAsUser");
        var nonRoot = context?.GetScalar("runAsNonRoot") ?? podContext?.GetScalar("runAsNonRoot");
        var explicitRoot = user?.Value == "0" || nonRoot?.AsBoolean() == false;
        if (!explicitRoot && nonRoot?.AsBoolean() == true)
        {
            return;
        }

        var at = explicitRoot ? (user?.Value == "0" ? user : nonRoot)! : container.Anchor;
        var field = explicitRoot && user?.Value == "0" ? "runAsUser" : "runAsNonRoot";
        var how = explicitRoot ? (user?.Value == "0" ? "runs as root (runAsUser: 0)" : "allows root (runAsNonRoot: false)") : "may run as root (runAsNonRoot is not true)";
        facts.Add(AccessFacts.Fact(resource, AccessArea.Workload, AccessFactKinds.MayRunAsRoot, container.Name, new[] { "root" }, explicitRoot, $"container \"{container.Name}\" of {resource.Identity} {how}", at, $"{container.Path}.securityContext.{field}"));
    }
}
