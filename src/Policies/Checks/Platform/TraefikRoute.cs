using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// What Traefik makes of one routing object, read by its schema: a Traefik <c>IngressRoute</c> (either CRD group) or a
/// <c>networking.k8s.io</c> <c>Ingress</c> that Traefik serves (its class or its <c>traefik.ingress.kubernetes.io</c>
/// annotations say so). Entry points, TLS and middlewares are taken from the spec or the router annotations.
/// </summary>
internal sealed class TraefikRoute
{
    private const string AnnotationPrefix = "traefik.ingress.kubernetes.io/";
    private const string EntryPointsAnnotation = AnnotationPrefix + "router.entrypoints";
    private const string TlsAnnotation = AnnotationPrefix + "router.tls";
    private const string MiddlewaresAnnotation = AnnotationPrefix + "router.middlewares";

    /// <summary>The entry point names Traefik's documentation and Helm chart give plain HTTP.</summary>
    private static readonly HashSet<string> PlainEntryPoints = new(StringComparer.OrdinalIgnoreCase) { "web", "http" };

    private TraefikRoute(string entryPointsPath, YamlNode? entryPointsNode, IReadOnlyList<ScalarNode> entryPoints, bool hasTls, IReadOnlyList<string> middlewares, bool routesOnlyToInternals)
    {
        EntryPointsPath = entryPointsPath;
        EntryPointsNode = entryPointsNode;
        EntryPoints = entryPoints;
        HasTls = hasTls;
        Middlewares = middlewares;
        RoutesOnlyToInternals = routesOnlyToInternals;
    }

    /// <summary>The field path of the entry points: <c>spec.entryPoints</c>, or the router annotation of an Ingress.</summary>
    public string EntryPointsPath { get; }

    /// <summary>Where the entry points are written, or null when the route does not name any.</summary>
    public YamlNode? EntryPointsNode { get; }

    /// <summary>The entry points, each with its own node (an annotation's items share the annotation's node).</summary>
    public IReadOnlyList<ScalarNode> EntryPoints { get; }

    /// <summary>Whether the router terminates TLS: a <c>tls</c> block, an Ingress <c>spec.tls</c> or <c>router.tls: "true"</c>.</summary>
    public bool HasTls { get; }

    /// <summary>The middleware names the routes apply, as written (<c>redirect</c>, <c>ns-redirect@kubernetescrd</c>).</summary>
    public IReadOnlyList<string> Middlewares { get; }

    /// <summary>Every route targets Traefik's own services (<c>noop@internal</c>), as a pure redirect route does.</summary>
    public bool RoutesOnlyToInternals { get; }

    public static bool IsPlain(ScalarNode entryPoint) => PlainEntryPoints.Contains(entryPoint.Value.Trim());

    /// <summary>
    /// Whether a middleware of the route redirects by its name (<c>redirect-https</c>, <c>https-redirect@file</c>). A
    /// redirect set on the entry point in Traefik's static configuration is invisible here, which is why the rules that
    /// use this only judge routes that put themselves on a plain entry point.
    /// </summary>
    public bool RedirectsByName()
    {
        foreach (var middleware in Middlewares)
        {
            if (middleware.IndexOf("redirect", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    public static bool AppliesToKind(string kind) => kind is "IngressRoute" or "Ingress";

    /// <summary>Reads the resource as a Traefik route, or null when it is not one Traefik serves.</summary>
    public static TraefikRoute? Read(Resource resource)
    {
        var identity = resource.Identity;
        var spec = resource.Root.GetMapping("spec");
        if (identity.Kind == "IngressRoute" && PlatformApis.IsTraefik(identity))
        {
            return spec is null ? null : ReadIngressRoute(spec);
        }

        if (identity.Kind == "Ingress" && identity.Group == "networking.k8s.io")
        {
            return ReadIngress(resource.Root, spec);
        }

        return null;
    }

    private static TraefikRoute ReadIngressRoute(MappingNode spec)
    {
        var entryPointsNode = spec.Get("entryPoints");
        var entryPoints = new List<ScalarNode>();
        if (entryPointsNode is SequenceNode sequence)
        {
            foreach (var item in sequence.Items)
            {
                if (item is ScalarNode { IsNull: false } scalar)
                {
                    entryPoints.Add(scalar);
                }
            }
        }

        var middlewares = new List<string>();
        var internalOnly = true;
        var anyRoute = false;
        foreach (var route in spec.GetSequence("routes")?.Items ?? Array.Empty<YamlNode>())
        {
            if (route is not MappingNode routeMapping)
            {
                continue;
            }

            anyRoute = true;
            foreach (var middleware in routeMapping.GetSequence("middlewares")?.Items ?? Array.Empty<YamlNode>())
            {
                if ((middleware as MappingNode)?.GetString("name") is { } name)
                {
                    middlewares.Add(name);
                }
            }

            foreach (var service in routeMapping.GetSequence("services")?.Items ?? Array.Empty<YamlNode>())
            {
                if ((service as MappingNode)?.GetString("name") is not { } name || !name.EndsWith("@internal", StringComparison.Ordinal))
                {
                    internalOnly = false;
                }
            }
        }

        var tls = spec.Get("tls");
        return new TraefikRoute("spec.entryPoints", entryPointsNode, entryPoints, tls is not null && !ValueExpectation.IsAbsent(tls), middlewares, anyRoute && internalOnly);
    }

    private static TraefikRoute? ReadIngress(MappingNode root, MappingNode? spec)
    {
        var annotations = root.GetMapping("metadata")?.GetMapping("annotations");
        if (!ServedByTraefik(annotations, spec))
        {
            return null;
        }

        var entryPoints = new List<ScalarNode>();
        var entryPointsNode = annotations?.GetScalar(EntryPointsAnnotation);
        if (entryPointsNode is { IsNull: false })
        {
            foreach (var name in entryPointsNode.Value.Split(','))
            {
                if (name.Trim().Length > 0)
                {
                    entryPoints.Add(new ScalarNode(name.Trim(), false, entryPointsNode.Line, entryPointsNode.Column));
                }
            }
        }

        var middlewares = new List<string>();
        if (annotations?.GetString(MiddlewaresAnnotation) is { } list)
        {
            foreach (var name in list.Split(','))
            {
                if (name.Trim().Length > 0)
                {
                    middlewares.Add(name.Trim());
                }
            }
        }

        var tlsAnnotation = annotations?.GetString(TlsAnnotation);
        var hasTls = (spec?.GetSequence("tls")?.Items.Count ?? 0) > 0
            || string.Equals(tlsAnnotation?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        return new TraefikRoute("metadata.annotations[" + EntryPointsAnnotation + "]", entryPointsNode, entryPoints, hasTls, middlewares, false);
    }

    private static bool ServedByTraefik(MappingNode? annotations, MappingNode? spec)
    {
        if (spec?.GetString("ingressClassName") is { } className)
        {
            return className.IndexOf("traefik", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        if (annotations is null)
        {
            return false;
        }

        if (annotations.GetString("kubernetes.io/ingress.class") is { } legacyClass)
        {
            return legacyClass.IndexOf("traefik", StringComparison.OrdinalIgnoreCase) >= 0;
        }

        foreach (var entry in annotations.Entries)
        {
            if (entry.Key.Value.StartsWith(AnnotationPrefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
