using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// What the Pod Security controls read of one pod-bearing resource: the pod spec and metadata (of the template for
/// workload kinds), the containers in the order upstream visits them (init, regular, ephemeral), the facts that relax
/// controls. Built once per resource and shared by every control of the pack: each thread keeps
/// one instance and reuses it, so judging a resource allocates nothing while it passes.
/// </summary>
internal sealed class PodSecurityPod
{
    [ThreadStatic]
    private static PodSecurityPod? current;

    private readonly List<ContainerView> containers = new(8);
    private Resource? resource;

    private PodSecurityPod()
    {
    }

    public Resource Resource => resource!;

    public PodSpecView PodSpec { get; private set; } = null!;

    public MappingNode Spec => PodSpec.Spec;

    /// <summary>The dotted path of the pod spec, e.g. <c>spec.template.spec</c>.</summary>
    public string SpecPath => PodSpec.Path;

    /// <summary><c>spec.securityContext</c> of the pod, if set.</summary>
    public MappingNode? SecurityContext { get; private set; }

    public string SecurityContextPath { get; private set; } = string.Empty;

    /// <summary>The pod's (or template's) <c>metadata.annotations</c>, if any.</summary>
    public MappingNode? Annotations { get; private set; }

    /// <summary>The dotted path of the pod's metadata, e.g. <c>spec.template.metadata</c>.</summary>
    public string MetadataPath { get; private set; } = string.Empty;

    /// <summary><c>spec.os.name: windows</c>: from policy v1.25 some Restricted controls do not apply.</summary>
    public bool IsWindows { get; private set; }

    /// <summary><c>spec.hostUsers: false</c> (a user-namespaced pod): from policy v1.35 some controls are relaxed.</summary>
    public bool UsesUserNamespace { get; private set; }

    /// <summary>Init containers, then containers, then ephemeral containers.</summary>
    public IReadOnlyList<ContainerView> Containers => containers;

    /// <summary>The view of <paramref name="resource"/>, or null when it carries no pod spec.</summary>
    public static PodSecurityPod? For(Resource resource)
    {
        if (resource.PodSpec is not { } podSpec)
        {
            return null;
        }

        var pod = current ??= new PodSecurityPod();
        if (!ReferenceEquals(pod.resource, resource))
        {
            pod.Load(resource, podSpec);
        }

        return pod;
    }

    private void Load(Resource judged, PodSpecView podSpec)
    {
        resource = null; // stays invalid if anything below throws
        PodSpec = podSpec;
        var spec = podSpec.Spec;
        SecurityContext = spec.GetMapping("securityContext");
        SecurityContextPath = podSpec.Path + ".securityContext";
        MetadataPath = MetadataPathOf(podSpec.Path);
        Annotations = FindMapping(judged.Root, MetadataPath)?.GetMapping("annotations");
        IsWindows = Text.String(spec.GetMapping("os")?.Get("name")) == "windows";
        UsesUserNamespace = Text.IsFalse(spec.Get("hostUsers"));
        containers.Clear();
        foreach (var list in PodSpecView.ContainerLists)
        {
            var inList = podSpec.ContainersIn(list);
            for (var i = 0; i < inList.Count; i++)
            {
                containers.Add(inList[i]);
            }
        }

        resource = judged;
    }

    /// <summary>A container's <c>securityContext</c>, if set.</summary>
    public static MappingNode? SecurityContextOf(ContainerView container) => container.Node.GetMapping("securityContext");

    /// <summary><c>spec</c> → <c>metadata</c>; <c>spec.template.spec</c> → <c>spec.template.metadata</c>.</summary>
    private static string MetadataPathOf(string specPath) =>
        specPath == "spec" ? "metadata" : specPath.Substring(0, specPath.Length - "spec".Length) + "metadata";

    /// <summary>Follows a dotted path of mapping keys without splitting it into a new array.</summary>
    private static MappingNode? FindMapping(MappingNode root, string dottedPath)
    {
        var current = root;
        var start = 0;
        while (start < dottedPath.Length)
        {
            var dot = dottedPath.IndexOf('.', start);
            var end = dot < 0 ? dottedPath.Length : dot;
            MappingNode? next = null;
            var entries = current.Entries;
            for (var i = entries.Count - 1; i >= 0; i--)
            {
                var key = entries[i].Key.Value;
                if (key.Length == end - start && string.CompareOrdinal(key, 0, dottedPath, start, end - start) == 0)
                {
                    next = entries[i].Value as MappingNode;
                    break;
                }
            }

            if (next is null)
            {
                return null;
            }

            current = next;
            start = end + 1;
        }

        return current;
    }
}
