using System;
using System.Collections.Generic;
using PolicyKit.Policies.Checks.Platform;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// Records Traefik's objects by their schema: <c>Middleware</c> (HSTS, chains), <c>TraefikService</c>, and the
/// references of every route (<c>IngressRoute</c> of either CRD group, <c>Ingress</c> that Traefik serves).
/// </summary>
internal sealed class TraefikCollector : FactCollector
{
    private const string MiddlewaresAnnotation = "traefik.ingress.kubernetes.io/router.middlewares";

    public override bool AppliesToKind(string kind) => kind is "Middleware" or "TraefikService" or "IngressRoute" or "Ingress";

    public override void Collect(Resource resource, FactSink sink)
    {
        var identity = resource.Identity;
        var spec = resource.Root.GetMapping("spec");
        switch (identity.Kind)
        {
            case "Middleware" when PlatformApis.IsTraefik(identity):
                var hsts = YamlFacts.Integer(spec?.GetMapping("headers")?.Get("stsSeconds")) is > 0;
                var chained = new List<string>();
                foreach (var item in spec?.GetMapping("chain")?.GetSequence("middlewares")?.Items ?? Array.Empty<YamlNode>())
                {
                    if (YamlFacts.Text((item as MappingNode)?.Get("name")) is { } name)
                    {
                        chained.Add(name);
                    }
                }

                sink.Add(new TraefikMiddlewareFact(sink.Origin, hsts, chained)
                {
                    Restricts = spec?.Get("ipAllowList") is not null || spec?.Get("ipWhiteList") is not null || spec?.Get("basicAuth") is not null
                        || spec?.Get("digestAuth") is not null || spec?.Get("forwardAuth") is not null,
                    Redirects = spec?.Get("redirectScheme") is not null || spec?.Get("redirectRegex") is not null,
                });
                break;
            case "TraefikService" when PlatformApis.IsTraefik(identity):
                sink.Add(new TraefikServiceFact(sink.Origin));
                break;
            case "IngressRoute" when PlatformApis.IsTraefik(identity) && spec is not null:
                sink.Add(IngressRoute(resource, spec, sink.Origin));
                break;
            case "Ingress" when TraefikRoute.Read(resource) is { } route:
                sink.Add(Ingress(resource, spec, route, sink.Origin));
                break;
        }
    }

    private static TraefikRouteFact IngressRoute(Resource resource, MappingNode spec, FactOrigin origin)
    {
        var middlewares = new List<TraefikReference>();
        var services = new List<TraefikReference>();
        FactLocation? middlewaresAt = null;
        var routes = spec.GetSequence("routes")?.Items ?? Array.Empty<YamlNode>();
        for (var i = 0; i < routes.Count; i++)
        {
            if (routes[i] is not MappingNode route)
            {
                continue;
            }

            var routePath = $"spec.routes[{i}]";
            if (route.TryGetEntry("middlewares", out var middlewaresEntry))
            {
                middlewaresAt ??= FactLocation.At(middlewaresEntry.Key, routePath + ".middlewares");
            }

            middlewaresAt ??= FactLocation.At(route, routePath + ".middlewares");
            Collect(route.GetSequence("middlewares"), routePath + ".middlewares", "Middleware", middlewares);
            Collect(route.GetSequence("services"), routePath + ".services", "Service", services);
        }

        var route0 = TraefikRoute.Read(resource);
        var servesTls = route0 is not null && (route0.HasTls || HasSecureEntryPoint(route0));
        return new TraefikRouteFact(origin, servesTls, middlewares, services, middlewaresAt ?? FactLocation.At(resource.KindNode, "spec.routes"));
    }

    private static void Collect(SequenceNode? references, string path, string defaultKind, List<TraefikReference> into)
    {
        foreach (var item in references?.Items ?? Array.Empty<YamlNode>())
        {
            if (item is not MappingNode reference || reference.GetScalar("name") is not { IsNull: false } nameNode)
            {
                continue;
            }

            var (name, provider) = SplitProvider(nameNode.Value);
            var kind = YamlFacts.Text(reference.Get("kind")) ?? defaultKind;
            into.Add(new TraefikReference(name, YamlFacts.Text(reference.Get("namespace")), provider, kind, true, FactLocation.At(nameNode, $"{path}[name={nameNode.Value}]")));
        }
    }

    private static TraefikRouteFact Ingress(Resource resource, MappingNode? spec, TraefikRoute route, FactOrigin origin)
    {
        var middlewares = new List<TraefikReference>();
        var annotations = resource.Root.GetMapping("metadata")?.GetMapping("annotations");
        FactLocation? middlewaresAt = null;
        if (annotations is not null && annotations.TryGetEntry(MiddlewaresAnnotation, out var entry))
        {
            middlewaresAt = FactLocation.At(entry.Value, "metadata.annotations[" + MiddlewaresAnnotation + "]");
            foreach (var text in (YamlFacts.Text(entry.Value) ?? string.Empty).Split(','))
            {
                if (text.Trim().Length > 0)
                {
                    var (name, provider) = SplitProvider(text.Trim());
                    middlewares.Add(new TraefikReference(name, null, provider, "Middleware", false, middlewaresAt.Value));
                }
            }
        }

        var services = new List<TraefikReference>();
        if (spec?.GetMapping("defaultBackend")?.GetMapping("service")?.GetScalar("name") is { IsNull: false } fallback)
        {
            services.Add(new TraefikReference(fallback.Value, null, null, "Service", true, FactLocation.At(fallback, "spec.defaultBackend.service.name")));
        }

        var rules = spec?.GetSequence("rules")?.Items ?? Array.Empty<YamlNode>();
        for (var i = 0; i < rules.Count; i++)
        {
            var paths = (rules[i] as MappingNode)?.GetMapping("http")?.GetSequence("paths")?.Items ?? Array.Empty<YamlNode>();
            for (var j = 0; j < paths.Count; j++)
            {
                if ((paths[j] as MappingNode)?.GetMapping("backend")?.GetMapping("service")?.GetScalar("name") is { IsNull: false } name)
                {
                    services.Add(new TraefikReference(name.Value, null, null, "Service", true, FactLocation.At(name, $"spec.rules[{i}].http.paths[{j}].backend.service.name")));
                }
            }
        }

        var servesTls = route.HasTls || HasSecureEntryPoint(route);
        var at = middlewaresAt ?? FactLocation.At(resource.Root.GetMapping("metadata") is { } metadata ? (YamlNode)metadata : resource.KindNode, "metadata.annotations[" + MiddlewaresAnnotation + "]");
        return new TraefikRouteFact(origin, servesTls, middlewares, services, at);
    }

    private static bool HasSecureEntryPoint(TraefikRoute route)
    {
        foreach (var entryPoint in route.EntryPoints)
        {
            if (!TraefikRoute.IsPlain(entryPoint))
            {
                return true;
            }
        }

        return false;
    }

    private static (string Name, string? Provider) SplitProvider(string text)
    {
        var at = text.LastIndexOf('@');
        return at < 0 ? (text, null) : (text.Substring(0, at), text.Substring(at + 1));
    }
}
