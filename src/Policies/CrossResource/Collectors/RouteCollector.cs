using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Collectors;

/// <summary>
/// Records HTTP routes to Services: Traefik <c>IngressRoute</c> (<c>traefik.io</c> and the legacy
/// <c>traefik.containo.us</c> group; a backend of kind <c>TraefikService</c> is marked as such, since no Service is behind it) and
/// <c>Ingress</c> (<c>networking.k8s.io/v1</c>, and the older <c>serviceName</c>/<c>servicePort</c> form).
/// </summary>
internal sealed partial class RouteCollector : FactCollector
{
    private const string MiddlewaresAnnotation = "traefik.ingress.kubernetes.io/router.middlewares";
    private const string EntryPointsAnnotation = "traefik.ingress.kubernetes.io/router.entrypoints";

    // Traefik rule matchers with their arguments: Host(`a`, `b`), PathPrefix(`/websocket`); a negated matcher is skipped.
    private const string MatcherText = @"(?<!!\s*)\b(?<name>Host|PathPrefix|Path)\s*\((?<args>[^)]*)\)";

#if NET
    private static readonly Regex Matcher = MatcherGenerated();

    [GeneratedRegex(MatcherText, RegexOptions.CultureInvariant)]
    private static partial Regex MatcherGenerated();
#else
    private static readonly Regex Matcher = new(MatcherText, RegexOptions.Compiled | RegexOptions.CultureInvariant);
#endif
    private const string QuotedText = "[`\"]([^`\"]*)[`\"]";

#if NET
    private static readonly Regex Quoted = QuotedGenerated();

    [GeneratedRegex(QuotedText, RegexOptions.CultureInvariant)]
    private static partial Regex QuotedGenerated();
#else
    private static readonly Regex Quoted = new(QuotedText, RegexOptions.Compiled | RegexOptions.CultureInvariant);
#endif

    // A negated path matcher, directly or as the first matcher of a negated group: !PathPrefix(`/web/database`).
    private const string NegatedPathText = "!\\s*\\(?\\s*(?:PathPrefix|Path|PathRegexp)\\s*\\(\\s*[`\"]\\^?(?<path>/[^`\"]*)";

#if NET
    private static readonly Regex NegatedPath = NegatedPathGenerated();

    [GeneratedRegex(NegatedPathText, RegexOptions.CultureInvariant)]
    private static partial Regex NegatedPathGenerated();
#else
    private static readonly Regex NegatedPath = new(NegatedPathText, RegexOptions.Compiled | RegexOptions.CultureInvariant);
#endif

    // Annotations with which ingress-nginx (and Traefik 1.x) let only some sources, or authenticated users, through.
    private static readonly string[] RestrictingAnnotations =
    {
        "nginx.ingress.kubernetes.io/whitelist-source-range",
        "nginx.ingress.kubernetes.io/allowlist-source-range",
        "nginx.ingress.kubernetes.io/auth-url",
        "nginx.ingress.kubernetes.io/auth-type",
        "traefik.ingress.kubernetes.io/whitelist-source-range",
    };

    private static readonly string[] SnippetAnnotations =
    {
        "nginx.ingress.kubernetes.io/server-snippet",
        "nginx.ingress.kubernetes.io/configuration-snippet",
    };

    public override bool AppliesToKind(string kind) => kind is "IngressRoute" or "Ingress";

    public override void Collect(Resource resource, FactSink sink)
    {
        var group = resource.Identity.Group;
        if (resource.Identity.Kind == "IngressRoute" && group is "traefik.io" or "traefik.containo.us")
        {
            CollectIngressRoute(resource, sink);
        }
        else if (resource.Identity.Kind == "Ingress" && group is "networking.k8s.io" or "extensions")
        {
            CollectIngress(resource, sink);
        }
    }

    private static void CollectIngressRoute(Resource resource, FactSink sink)
    {
        var spec = resource.Root.GetMapping("spec");
        var routes = spec?.GetSequence("routes");
        if (spec is null || routes is null)
        {
            return;
        }

        var entryPoints = YamlFacts.Strings(spec.Get("entryPoints"));
        var hasTls = spec.Get("tls") is not null and not ScalarNode { IsNull: true };
        for (var i = 0; i < routes.Items.Count; i++)
        {
            if (routes.Items[i] is not MappingNode route)
            {
                continue;
            }

            var routePath = $"spec.routes[{i}]";
            var match = route.GetScalar("match");
            var (hosts, paths) = ReadMatch(match?.Value ?? string.Empty);
            var excluded = new List<string>();
            foreach (Match negated in NegatedPath.Matches(match?.Value ?? string.Empty))
            {
                excluded.Add(negated.Groups["path"].Value);
            }

            var middlewares = new List<string>();
            foreach (var item in route.GetSequence("middlewares")?.Items ?? Array.Empty<YamlNode>())
            {
                if ((item as MappingNode)?.GetString("name") is { } middleware)
                {
                    middlewares.Add(middleware);
                }
            }

            var services = route.GetSequence("services")?.Items ?? Array.Empty<YamlNode>();
            for (var j = 0; j < services.Count; j++)
            {
                if (services[j] is not MappingNode service || service.GetScalar("name") is not { IsNull: false } name)
                {
                    continue;
                }

                var toTraefikService = (service.GetString("kind") is { } kind && kind != "Service") || name.Value.EndsWith("@internal", StringComparison.Ordinal);

                var servicePath = $"{routePath}.services[name={name.Value}]";
                sink.Add(new RouteFact(sink.Origin, new RouteSource(
                    hosts,
                    paths,
                    entryPoints,
                    middlewares,
                    hasTls,
                    name.Value,
                    service.GetString("namespace"),
                    YamlFacts.Text(service.Get("port")),
                    FactLocation.At((YamlNode?)match ?? route, match is null ? routePath : routePath + ".match"),
                    FactLocation.At(name, servicePath + ".name"))
                {
                    ExcludedPaths = excluded,
                    ToTraefikService = toTraefikService,
                }));
            }
        }
    }

    private static void CollectIngress(Resource resource, FactSink sink)
    {
        var spec = resource.Root.GetMapping("spec");
        if (spec is null)
        {
            return;
        }

        var annotations = YamlFacts.StringMap(resource.Root.GetMapping("metadata")?.GetMapping("annotations"));
        var middlewares = Split(annotations, MiddlewaresAnnotation);
        var entryPoints = Split(annotations, EntryPointsAnnotation);
        var hasTls = spec.GetSequence("tls") is { Items.Count: > 0 };
        var access = Access(annotations);
        if ((spec.GetMapping("defaultBackend") ?? spec.GetMapping("backend")) is { } defaultBackend)
        {
            Backend(sink, defaultBackend, spec.Get("defaultBackend") is null ? "spec.backend" : "spec.defaultBackend", Array.Empty<string>(), Array.Empty<string>(), entryPoints, middlewares, hasTls, access, defaultBackend);
        }

        var rules = spec.GetSequence("rules")?.Items ?? Array.Empty<YamlNode>();
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not MappingNode rule)
            {
                continue;
            }

            var host = rule.GetString("host");
            var hosts = host is null ? Array.Empty<string>() : new[] { host };
            var paths = rule.GetMapping("http")?.GetSequence("paths")?.Items ?? Array.Empty<YamlNode>();
            for (var j = 0; j < paths.Count; j++)
            {
                if (paths[j] is MappingNode path && path.GetMapping("backend") is { } backend)
                {
                    var pathText = path.GetString("path");
                    var at = (YamlNode?)path.Get("path") ?? path;
                    Backend(sink, backend, $"spec.rules[{i}].http.paths[{j}].backend", hosts, pathText is null ? Array.Empty<string>() : new[] { pathText }, entryPoints, middlewares, hasTls, access, at, $"spec.rules[{i}].http.paths[{j}].path");
                }
            }
        }
    }

    private static void Backend(FactSink sink, MappingNode backend, string backendPath, IReadOnlyList<string> hosts, IReadOnlyList<string> paths, IReadOnlyList<string> entryPoints, IReadOnlyList<string> middlewares, bool hasTls, (IReadOnlyList<string> Excluded, bool Restricted) access, YamlNode routeAt, string? routePath = null)
    {
        ScalarNode? name;
        string? port;
        string namePath;
        if (backend.GetMapping("service") is { } service)
        {
            name = service.GetScalar("name");
            var portNode = service.GetMapping("port");
            port = YamlFacts.Text(portNode?.Get("number")) ?? YamlFacts.Text(portNode?.Get("name"));
            namePath = backendPath + ".service.name";
        }
        else
        {
            name = backend.GetScalar("serviceName");
            port = YamlFacts.Text(backend.Get("servicePort"));
            namePath = backendPath + ".serviceName";
        }

        if (name is null || name.IsNull)
        {
            return;
        }

        sink.Add(new RouteFact(sink.Origin, new RouteSource(hosts, paths, entryPoints, middlewares, hasTls, name.Value, null, port, FactLocation.At(routeAt, routePath ?? backendPath), FactLocation.At(name, namePath))
        {
            ExcludedPaths = access.Excluded,
            AccessRestricted = access.Restricted,
        }));
    }

    private static (IReadOnlyList<string> Excluded, bool Restricted) Access(IReadOnlyDictionary<string, string> annotations)
    {
        var restricted = false;
        foreach (var annotation in RestrictingAnnotations)
        {
            restricted |= annotations.TryGetValue(annotation, out var value) && value.Trim().Length > 0;
        }

        foreach (var annotation in SnippetAnnotations)
        {
            if (annotations.TryGetValue(annotation, out var snippet) && snippet.IndexOf("/web/database", StringComparison.Ordinal) >= 0)
            {
                return (new[] { "/web/database" }, restricted);
            }
        }

        return (Array.Empty<string>(), restricted);
    }

    private static (IReadOnlyList<string> Hosts, IReadOnlyList<string> Paths) ReadMatch(string match)
    {
        var hosts = new List<string>();
        var paths = new List<string>();
        foreach (Match matcher in Matcher.Matches(match))
        {
            var target = matcher.Groups["name"].Value == "Host" ? hosts : paths;
            foreach (Match argument in Quoted.Matches(matcher.Groups["args"].Value))
            {
                target.Add(argument.Groups[1].Value);
            }
        }

        return (hosts, paths);
    }

    private static IReadOnlyList<string> Split(IReadOnlyDictionary<string, string> annotations, string key)
    {
        if (!annotations.TryGetValue(key, out var value))
        {
            return Array.Empty<string>();
        }

        var parts = new List<string>();
        foreach (var part in value.Split(','))
        {
            if (part.Trim().Length > 0)
            {
                parts.Add(part.Trim());
            }
        }

        return parts;
    }
}
