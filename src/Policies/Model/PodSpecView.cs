using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Model;

/// <summary>The pod spec of a pod-bearing resource, with its field path inside the resource.</summary>
public sealed class PodSpecView
{
    /// <summary>The container lists of a pod spec, in the order Kubernetes runs them.</summary>
    public static readonly IReadOnlyList<string> ContainerLists = new[] { "initContainers", "containers", "ephemeralContainers" };

    private readonly Dictionary<string, IReadOnlyList<ContainerView>> containers = new(3);

    internal PodSpecView(MappingNode spec, string path)
    {
        Spec = spec;
        Path = path;
        foreach (var list in ContainerLists)
        {
            containers[list] = ReadContainers(spec.GetSequence(list), list, path);
        }
    }

    public MappingNode Spec { get; }

    /// <summary>The dotted path of the pod spec, e.g. <c>spec.template.spec</c>.</summary>
    public string Path { get; }

    public MappingNode? SecurityContext => Spec.GetMapping("securityContext");

    public IReadOnlyList<ContainerView> ContainersIn(string list) =>
        containers.TryGetValue(list, out var found) ? found : System.Array.Empty<ContainerView>();

    private static IReadOnlyList<ContainerView> ReadContainers(SequenceNode? sequence, string list, string podPath)
    {
        if (sequence is null || sequence.Items.Count == 0)
        {
            return System.Array.Empty<ContainerView>();
        }

        var views = new List<ContainerView>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is MappingNode container)
            {
                views.Add(new ContainerView(container, list, i, podPath));
            }
        }

        return views;
    }
}
