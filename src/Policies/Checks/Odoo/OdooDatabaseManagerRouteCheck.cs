using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// Odoo's deployment documentation gives two ways to keep the database manager away from the internet: turn it off
/// (<c>list_db = False</c>, PK8002) or, where it must stay on, block every path under <c>/web/database</c> at the proxy.
/// In production, for a server with the manager on (<c>list_db</c> written on, or left at Odoo's default with the
/// configuration known), every route that reaches it and serves <c>/web/database/manager</c> is reported at its match
/// unless something blocks that path: the route excludes it (<c>!PathPrefix(`/web/database`)</c>, an nginx snippet
/// naming it), restricts access as a whole (a Traefik <c>ipAllowList</c>/<c>ipWhiteList</c> or authentication
/// middleware, an nginx source-range allow list or external authentication), redirects (a redirect middleware, as the
/// plain-HTTP route to HTTPS does), or a more specific route of the same host for <c>/web/database</c> sends it
/// elsewhere or through such a middleware. A server with <c>list_db = False</c> needs no block (the manager is off) and
/// is not judged.
/// </summary>
internal sealed class OdooDatabaseManagerRouteCheck : CrossResourceCheck
{
    private const string ManagerPath = "/web/database/manager";

    public OdooDatabaseManagerRouteCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var topology = OdooTopology.For(index);
        var middlewares = index.All<TraefikMiddlewareFact>().ToList();
        // Only routes written for /web/database can be the more specific route that blocks it.
        var databaseRoutes = index.All<RouteFact>().Where(r => r.Paths.Any(Covers)).ToList();
        var services = index.All<ServiceFact>().ToList();
        foreach (var instance in topology.Instances)
        {
            if (!instance.Workload.Origin.IsProduction || !ManagerOn(instance))
            {
                continue;
            }

            foreach (var (route, _) in topology.RoutesTo(instance))
            {
                if (!route.Serves(ManagerPath) || Blocks(route, middlewares, specificRoute: false))
                {
                    continue;
                }

                var matched = MatchedPrefixLength(route);
                var blocked = databaseRoutes.Any(other => !ReferenceEquals(other, route) && SharesHost(route, other)
                    && other.Paths.Any(p => Covers(p) && p.TrimEnd('/').Length > matched)
                    && (Blocks(other, middlewares, specificRoute: true) || !ReachesOdoo(other, topology, services)));
                if (blocked)
                {
                    continue;
                }

                sink.Report(
                    route,
                    route.Source.RouteAt,
                    CrossResourceSink.Argument("odoo", instance.Describe()),
                    CrossResourceSink.Argument("route", route.Origin.Identity.ToString()),
                    CrossResourceSink.Argument("setting", instance.Setting("list_db") is { } written ? $"list_db = {written.Value.Trim()}" : "list_db left at Odoo's default (True)"));
            }
        }
    }

    private static bool ManagerOn(OdooInstance instance) =>
        instance.Setting("list_db") is { } setting ? setting.IsOn : instance.ConfigKnown;

    private static bool Covers(string prefix) =>
        prefix.TrimEnd('/').Length > 0 && ManagerPath.StartsWith(prefix.TrimEnd('/'), StringComparison.Ordinal) && prefix.TrimEnd('/').StartsWith("/web/database", StringComparison.Ordinal);

    private static int MatchedPrefixLength(RouteFact route) =>
        route.Paths.Where(p => p == "/" || ManagerPath.StartsWith(p.TrimEnd('/'), StringComparison.Ordinal)).Select(p => p.TrimEnd('/').Length).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Whether the route keeps the manager from the public: it leaves the path out, restricts or redirects. A middleware
    /// the input does not define counts as a block on a route made for <c>/web/database</c> (why else would it be there),
    /// and on a general route only when its name says it allows or authenticates.
    /// </summary>
    private static bool Blocks(RouteFact route, List<TraefikMiddlewareFact> middlewares, bool specificRoute)
    {
        if (route.Source.AccessRestricted || route.Source.ExcludedPaths.Any(p => ManagerPath.StartsWith(p.TrimEnd('/'), StringComparison.Ordinal) && p.TrimEnd('/').StartsWith("/web", StringComparison.Ordinal)))
        {
            return true;
        }

        foreach (var reference in route.Source.Middlewares)
        {
            var name = reference.Split('@')[0];
            if (name.IndexOf("redirect", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            var found = Resolve(name, route.Origin.Namespace, middlewares);
            if (found is null)
            {
                if (specificRoute || Hints(name))
                {
                    return true;
                }

                continue;
            }

            if (Restricts(found, middlewares, 0))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Hints(string name) =>
        name.IndexOf("allow", StringComparison.OrdinalIgnoreCase) >= 0 || name.IndexOf("whitelist", StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("auth", StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool Restricts(TraefikMiddlewareFact middleware, List<TraefikMiddlewareFact> all, int depth) =>
        middleware.Restricts || middleware.Redirects
        || (depth < 8 && middleware.Chained.Any(n => Resolve(n, middleware.Origin.Namespace, all) is { } chained && Restricts(chained, all, depth + 1)));

    /// <summary>A middleware by name in the route's namespace, or as an Ingress annotation names it (<c>namespace-name</c>).</summary>
    private static TraefikMiddlewareFact? Resolve(string name, string? ownNamespace, List<TraefikMiddlewareFact> middlewares) =>
        middlewares.FirstOrDefault(m => m.Origin.Name == name && (m.Origin.Namespace ?? string.Empty) == (ownNamespace ?? string.Empty))
        ?? middlewares.FirstOrDefault(m => (m.Origin.Namespace ?? string.Empty) + "-" + m.Origin.Name == name);

    private static bool SharesHost(RouteFact route, RouteFact other) =>
        route.Hosts.Count == 0 || other.Hosts.Count == 0 || route.Hosts.Any(h => other.Hosts.Contains(h, StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether the route's backend is a Service in the input whose pods run Odoo; a TraefikService or a Service the input lacks is taken as a deny backend.</summary>
    private static bool ReachesOdoo(RouteFact route, OdooTopology topology, List<ServiceFact> services)
    {
        if (route.Source.ToTraefikService)
        {
            return false;
        }

        var targets = services.Where(s => (s.Origin.Namespace ?? string.Empty) == (route.ServiceNamespace ?? string.Empty) && s.Origin.Name == route.ServiceName).ToList();
        return targets.Count > 0 && topology.Instances.Any(i => i.Workload.Origin.SameNamespaceAs(targets[0].Origin) && targets.Any(t => i.Workload.IsSelectedBy(t.Selector)));
    }
}
