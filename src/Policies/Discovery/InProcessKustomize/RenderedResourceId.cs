namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>A resource's identity as kustomize keys it: group, version, kind, namespace and name.</summary>
internal sealed record RenderedResourceId(string Group, string Version, string Kind, string Namespace, string Name)
{
    /// <summary>The identity of <paramref name="apiVersion"/> and <paramref name="kind"/>, or null when the apiVersion is malformed.</summary>
    public static RenderedResourceId? Of(string apiVersion, string kind, string @namespace, string name)
    {
        var slash = apiVersion.IndexOf('/');
        if (slash < 0)
        {
            return new RenderedResourceId(string.Empty, apiVersion, kind, @namespace, name);
        }

        return apiVersion.IndexOf('/', slash + 1) >= 0 || slash == 0 || slash == apiVersion.Length - 1
            ? null
            : new RenderedResourceId(apiVersion.Substring(0, slash), apiVersion.Substring(slash + 1), kind, @namespace, name);
    }
}
