using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Model;

/// <summary>A Kubernetes object found in a source: a document, or an item of a <c>kind: List</c>.</summary>
public sealed class Resource
{
    internal Resource(ManifestSource source, int documentIndex, MappingNode root, ResourceIdentity identity, ScalarNode kindNode)
    {
        Source = source;
        DocumentIndex = documentIndex;
        Root = root;
        Identity = identity;
        KindNode = kindNode;
        if (PodBearingKinds.TryGetPodSpecPath(identity.Kind, out var path) && root.TryGetPath(path, out var spec) && spec is MappingNode podSpec)
        {
            PodSpec = new PodSpecView(podSpec, path);
        }
    }

    public ManifestSource Source { get; }

    public int DocumentIndex { get; }

    public MappingNode Root { get; }

    public ResourceIdentity Identity { get; }

    /// <summary>The <c>kind</c> value, where findings about the resource as a whole point.</summary>
    public ScalarNode KindNode { get; }

    /// <summary>The pod spec when the resource is of a pod-bearing kind and has one.</summary>
    public PodSpecView? PodSpec { get; }
}
