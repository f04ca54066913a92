using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// A Traefik <c>Middleware</c> (either CRD group): whether it sets HSTS (<c>headers.stsSeconds</c> above 0), and the
/// middlewares it chains (<c>chain.middlewares</c>), whose HSTS counts as its own.
/// </summary>
internal sealed class TraefikMiddlewareFact : ResourceFact
{
    public TraefikMiddlewareFact(FactOrigin origin, bool setsHsts, IReadOnlyList<string> chained)
        : base(origin)
    {
        SetsHsts = setsHsts;
        Chained = chained;
    }

    public bool SetsHsts { get; }

    /// <summary>An <c>ipAllowList</c>/<c>ipWhiteList</c> or authentication (<c>basicAuth</c>, <c>digestAuth</c>, <c>forwardAuth</c>) middleware: it lets only some clients through.</summary>
    public bool Restricts { get; init; }

    /// <summary>A <c>redirectScheme</c> or <c>redirectRegex</c> middleware: the request never reaches the backend.</summary>
    public bool Redirects { get; init; }

    /// <summary>The names of the middlewares a <c>chain</c> middleware applies, in its own namespace.</summary>
    public IReadOnlyList<string> Chained { get; }
}
