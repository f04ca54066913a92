using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A Traefik route that serves plain HTTP: <c>plain-only</c> when it listens only on plain entry points (<c>web</c>) and
/// terminates no TLS, <c>plain-alongside-tls</c> when it lists a plain entry point beside a TLS one without a TLS block,
/// so the same pages answer over HTTP too. Redirect routes (a redirecting middleware, or only Traefik's internal
/// <c>noop@internal</c> service) are what a plain entry point is for and are not reported. Routes that name no entry
/// point are not judged: which entry points they join, and whether those redirect, is Traefik's static configuration.
/// </summary>
public sealed class TraefikRouteTlsCheck : Check
{
    private readonly bool alongsideTls;

    public TraefikRouteTlsCheck(CheckParameters parameters)
    {
        alongsideTls = parameters.GetChoice("problem", new[] { "plain-only", "plain-alongside-tls" }, "plain-only") == "plain-alongside-tls";
    }

    public override bool AppliesToKind(string kind) => TraefikRoute.AppliesToKind(kind);

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (TraefikRoute.Read(resource) is not { } route
            || route.HasTls
            || route.EntryPoints.Count == 0
            || route.RedirectsByName()
            || route.RoutesOnlyToInternals)
        {
            return;
        }

        var plain = new List<ScalarNode>();
        var secure = new List<ScalarNode>();
        foreach (var entryPoint in route.EntryPoints)
        {
            (TraefikRoute.IsPlain(entryPoint) ? plain : secure).Add(entryPoint);
        }

        if (plain.Count == 0 || (secure.Count > 0) != alongsideTls)
        {
            return;
        }

        sink.Report(
            plain[0],
            route.EntryPointsPath,
            ViolationSink.Argument("entryPoint", plain[0].Value),
            ViolationSink.Argument("entryPoints", Join(route.EntryPoints)));
    }

    private static string Join(IReadOnlyList<ScalarNode> entryPoints)
    {
        var names = new string[entryPoints.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = entryPoints[i].Value;
        }

        return string.Join(", ", names);
    }
}
