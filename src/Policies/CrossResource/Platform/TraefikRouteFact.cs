using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// A Traefik route as Traefik resolves its references: the middlewares and backends it names, each with where it is
/// written, and whether the route serves TLS. Read from an <c>IngressRoute</c> (either CRD group) or an <c>Ingress</c>
/// that Traefik serves (its middlewares annotation and backends).
/// </summary>
internal sealed class TraefikRouteFact : ResourceFact
{
    public TraefikRouteFact(FactOrigin origin, bool servesTls, IReadOnlyList<TraefikReference> middlewares, IReadOnlyList<TraefikReference> services, FactLocation middlewaresAt)
        : base(origin)
    {
        ServesTls = servesTls;
        Middlewares = middlewares;
        Services = services;
        MiddlewaresAt = middlewaresAt;
    }

    /// <summary>A tls block, or an entry point other than the plain <c>web</c>/<c>http</c> ones.</summary>
    public bool ServesTls { get; }

    public IReadOnlyList<TraefikReference> Middlewares { get; }

    public IReadOnlyList<TraefikReference> Services { get; }

    /// <summary>Where a middleware would be added: the first route's <c>middlewares</c>, else the route itself.</summary>
    public FactLocation MiddlewaresAt { get; }
}

/// <summary>
/// A name a route refers to: <c>Name</c> and <c>Namespace</c> as Traefik resolves them, <c>Provider</c> when the name
/// carries one (<c>@file</c>, <c>@kubernetescrd</c>, <c>@internal</c>), <c>Kind</c> for services (<c>Service</c> or
/// <c>TraefikService</c>), and <c>Namespaced</c> false when an Ingress annotation names it as
/// <c>&lt;namespace&gt;-&lt;name&gt;</c>, which only the index can split.
/// </summary>
internal sealed record TraefikReference(string Name, string? Namespace, string? Provider, string Kind, bool Namespaced, FactLocation At)
{
    /// <summary>A reference resolved by another provider (the file provider, Traefik's internals) is none of the input's business.</summary>
    public bool IsKubernetesCrd => Provider is null or "kubernetescrd";
}
