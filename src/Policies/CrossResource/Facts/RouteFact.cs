using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>
/// One way HTTP traffic reaches a Service: a Traefik <c>IngressRoute</c> route (<c>traefik.io/v1alpha1</c> or the
/// legacy <c>traefik.containo.us/v1alpha1</c>) or a <c>networking.k8s.io</c> <c>Ingress</c> path, flattened to one
/// fact per backend Service it sends to.
/// </summary>
internal sealed class RouteFact : ResourceFact
{
    public RouteFact(FactOrigin origin, RouteSource source)
        : base(origin)
    {
        Source = source;
    }

    public RouteSource Source { get; }

    /// <summary>The route's path prefixes (<c>PathPrefix(`/websocket`)</c>, an Ingress path); empty: every path.</summary>
    public IReadOnlyList<string> Paths => Source.Paths;

    public IReadOnlyList<string> Hosts => Source.Hosts;

    /// <summary>The backend Service's name.</summary>
    public string ServiceName => Source.ServiceName;

    /// <summary>The backend's namespace: the one the route names, else the route's own.</summary>
    public string? ServiceNamespace => Source.ServiceNamespace ?? Origin.Namespace;

    /// <summary>The backend port as written: a number or a Service port name; null when the route leaves it out.</summary>
    public string? ServicePort => Source.ServicePort;

    /// <summary>Whether the route serves <paramref name="path"/> (its prefixes include it, or it has none).</summary>
    public bool Serves(string path)
    {
        if (Paths.Count == 0)
        {
            return true;
        }

        foreach (var prefix in Paths)
        {
            if (prefix == "/" || path.StartsWith(prefix.TrimEnd('/'), System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>What a route says: its hosts, paths, entry points, middlewares, TLS and backend, with their locations.</summary>
internal sealed record RouteSource(
    IReadOnlyList<string> Hosts,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> EntryPoints,
    IReadOnlyList<string> Middlewares,
    bool HasTls,
    string ServiceName,
    string? ServiceNamespace,
    string? ServicePort,
    FactLocation RouteAt,
    FactLocation BackendAt)
{
    /// <summary>
    /// Paths the route leaves out: a negated Traefik matcher (<c>!PathPrefix(`/web/database`)</c>), or a path an
    /// nginx Ingress snippet annotation denies (only <c>/web/database</c> is looked for).
    /// </summary>
    public IReadOnlyList<string> ExcludedPaths { get; init; } = System.Array.Empty<string>();

    /// <summary>
    /// The backend is a Traefik <c>TraefikService</c> (weighted, mirroring, or Traefik's own such as <c>noop@internal</c>),
    /// not a Kubernetes Service: no pod is behind it as far as the index can tell.
    /// </summary>
    public bool ToTraefikService { get; init; }

    /// <summary>An Ingress whose annotations restrict who may reach it: a source-range allow list or external authentication.</summary>
    public bool AccessRestricted { get; init; }
}
