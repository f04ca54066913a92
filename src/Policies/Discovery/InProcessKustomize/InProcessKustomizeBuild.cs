using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// Builds, without starting <c>kubectl</c>, the kustomizations most tenant overlays are: a list of local files, a
/// namespace, labels and annotations. The result is the text <c>kubectl kustomize</c> would print for it (same objects,
/// order, keys and scalar forms, origin annotations included), so everything downstream sees the same input whichever
/// builds it. Anything else — patches, generators, bases, name prefixes, selectors, a value whose printed form is not
/// certain — returns null and is built by kustomize itself. <c>KustomizeBuildDifferentialTests</c> hold the two
/// builds to the same output.
/// </summary>
internal static class InProcessKustomizeBuild
{
    private static readonly HashSet<string> SupportedFields = new(StringComparer.Ordinal)
    {
        "apiVersion", "kind", "namespace", "labels", "commonAnnotations", "resources", "buildMetadata",
    };

    private static readonly string[] ReservedAnnotationPrefixes = { "config.kubernetes.io/", "internal.config.kubernetes.io/", "kustomize.config.k8s.io/", "config.k8s.io/" };

    // StringBuilder's own limit for one chunk, in characters: 16 KB, well under the 85,000 bytes of a large object.
    private const int MaxBuilderChunk = 8000;

    /// <summary>Whether the kustomization file asks only for what the in-process build does (its resources not yet read).</summary>
    public static bool CanTry(Kustomization overlay) =>
        overlay.Root is { } root && !overlay.IsComponent && Plan.Read(root, overlay.Folder) is not null;

    /// <summary>The rendered text, or null when kustomize must build this kustomization.</summary>
    /// <param name="overlay">The kustomization.</param>
    /// <param name="limits">Bounds for reading its resources.</param>
    /// <param name="parsed">Given each resource file's documents once the build succeeds (to locate findings without a second parse).</param>
    public static string? TryBuild(Kustomization overlay, LoaderLimits limits, Action<string, IReadOnlyList<SourceDocument>>? parsed = null) =>
        TryBuild(overlay, limits, parsed, out _);

    /// <summary>
    /// The rendered text and, when the loader's direct reader would read it, the trees it would read (see
    /// <see cref="KustomizeYamlWriter.TryWrite(IReadOnlyList{RenderedMap}, StringBuilder, int, out List{SourceDocument})"/>);
    /// null when kustomize must build this kustomization.
    /// </summary>
    public static string? TryBuild(Kustomization overlay, LoaderLimits limits, Action<string, IReadOnlyList<SourceDocument>>? parsed, out List<SourceDocument>? trees)
    {
        trees = null;
        if (overlay.Root is not { } root || overlay.IsComponent || Plan.Read(root, overlay.Folder) is not { } plan)
        {
            return null;
        }

        var parsedFiles = new List<(string File, IReadOnlyList<SourceDocument> Documents)>();

        var resources = new List<(RenderedMap Root, RenderedResourceId Id)>();
        var originalIds = new HashSet<RenderedResourceId>();
        foreach (var (fullPath, originPath) in plan.Files)
        {
            var documents = ReadResources(fullPath, limits, parsedFiles);
            if (documents is null)
            {
                return null;
            }

            foreach (var document in documents)
            {
                if (Identity(document) is not { } original || !originalIds.Add(original))
                {
                    return null;
                }

                if (!Transform(document, original, originPath, plan))
                {
                    return null;
                }

                resources.Add((document, Identity(document)!));
            }
        }

        if (resources.Select(r => r.Id).Distinct().Count() != resources.Count)
        {
            return null;
        }

        var ordered = resources.OrderBy(r => LegacyResourceOrder.KeyOf(r.Id), LegacyResourceOrder.Instance).Select(r => r.Root).ToList();
        // Started at the builder's largest chunk, so the text grows in chunks that stay off the large object heap: a
        // buffer sized for a whole tenant went there, and each such allocation brings a full collection nearer.
        var output = new StringBuilder(MaxBuilderChunk);
        if (!KustomizeYamlWriter.TryWrite(ordered, output, limits.MaxDepth, out trees))
        {
            trees = null;
            return null;
        }

        foreach (var (file, parsedDocuments) in parsedFiles)
        {
            parsed?.Invoke(file, parsedDocuments);
        }

        return output.ToString();
    }

    private static List<RenderedMap>? ReadResources(string fullPath, LoaderLimits limits, List<(string File, IReadOnlyList<SourceDocument> Documents)> parsedFiles)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (MayHoldTagsOrMergeKeys(bytes))
        {
            return null;
        }

        var loaded = ManifestLoader.Load(ManifestSource.FromBytes(fullPath, fullPath, bytes), limits);
        if (loaded.Problems.Count > 0)
        {
            return null;
        }

        parsedFiles.Add((fullPath, loaded.Documents));
        var documents = new List<RenderedMap>(loaded.Documents.Count);
        foreach (var document in loaded.Documents)
        {
            if (document.Root is not MappingNode mapping || Convert(mapping) is not RenderedMap converted)
            {
                return null;
            }

            documents.Add(converted);
        }

        return documents;
    }

    /// <summary>
    /// Explicit tags (<c>!!str 1</c>) and merge keys (<c>&lt;&lt;</c>) change values in ways the node tree does not keep;
    /// a file that may hold one is left to kustomize. Only a quick look at the bytes, so a false alarm only costs speed.
    /// </summary>
    private static bool MayHoldTagsOrMergeKeys(byte[] bytes)
    {
        for (var i = 0; i + 1 < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'!' && (i == 0 || bytes[i - 1] is (byte)' ' or (byte)'\n' or (byte)'[' or (byte)','))
            {
                return true;
            }

            if (bytes[i] == (byte)'<' && bytes[i + 1] == (byte)'<')
            {
                return true;
            }
        }

        return false;
    }

    private static RenderedNode? Convert(YamlNode node)
    {
        switch (node)
        {
            case ScalarNode scalar:
                return scalar.IsPlain ? PlainScalar.Resolve(scalar.Value) : RenderedScalar.String(scalar.Value);
            case SequenceNode sequence:
                var list = new RenderedList();
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    var item = sequence.Items[i];
                    if (Convert(item) is not { } converted)
                    {
                        return null;
                    }

                    list.Items.Add(converted);
                }

                return list;
            case MappingNode mapping:
                var map = new RenderedMap(mapping.Entries.Count);
                for (var i = 0; i < mapping.Entries.Count; i++)
                {
                    var entry = mapping.Entries[i];
                    var key = KeyText(entry.Key);
                    if (key is null || map.Entries.ContainsKey(key) || Convert(entry.Value) is not { } value)
                    {
                        return null;
                    }

                    map.Entries.Add(key, value);
                }

                return map;
            default:
                return null;
        }
    }

    /// <summary>A key's text once decoded, or null when it decodes to anything but a string.</summary>
    private static string? KeyText(ScalarNode key) =>
        !key.IsPlain || PlainScalar.StaysString(key.Value) ? key.Value
            : PlainScalar.Resolve(key.Value) is { IsString: true } resolved ? resolved.Text : null;

    /// <summary>The object's identity, or null when kustomize would reject it or treat it specially (a List).</summary>
    private static RenderedResourceId? Identity(RenderedMap root)
    {
        if (root.StringAt("apiVersion") is not { Length: > 0 } apiVersion || root.StringAt("kind") is not { Length: > 0 } kind
            || kind.EndsWith("List", StringComparison.Ordinal) || root.MapAt("metadata", create: false) is not { } metadata
            || metadata.StringAt("name") is not { Length: > 0 } name)
        {
            return null;
        }

        var @namespace = string.Empty;
        if (metadata.Entries.TryGetValue("namespace", out var namespaceNode))
        {
            if (namespaceNode is not RenderedScalar { IsString: true } namespaceScalar)
            {
                return null;
            }

            @namespace = namespaceScalar.Text;
        }

        return RenderedResourceId.Of(apiVersion, kind, @namespace, name);
    }

    private static bool Transform(RenderedMap root, RenderedResourceId id, string originPath, Plan plan)
    {
        var metadata = root.MapAt("metadata", create: false)!;
        if (!OnlyStrings(metadata, "labels") || !OnlyStrings(metadata, "annotations"))
        {
            return false;
        }

        var annotations = MapField(metadata, "annotations");
        if (annotations is null || annotations.Entries.Keys.Any(IsReserved))
        {
            return false;
        }

        annotations.Entries[KustomizeSourceMap.OriginAnnotation] = RenderedScalar.String("path: " + originPath + "\n");
        if (plan.Namespace is { } @namespace && !SetNamespace(root, metadata, id, root.StringAt("apiVersion")!, @namespace))
        {
            return false;
        }

        foreach (var (pairs, includeTemplates) in plan.Labels)
        {
            // One node per key and object, shared by every field this transformer writes it to (kustomize's SetEntry).
            var values = Values(pairs);
            if (!SetAll(metadata, "labels", values)
                || (includeTemplates && TemplateMetadata.LabelPaths(id).Any(path => !SetAll(root, path, "labels", values))))
            {
                return false;
            }
        }

        if (plan.Annotations.Count > 0)
        {
            var values = Values(plan.Annotations);
            if (!SetAll(metadata, "annotations", values)
                || TemplateMetadata.AnnotationPaths(id).Any(path => !SetAll(root, path, "annotations", values)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SetNamespace(RenderedMap root, RenderedMap metadata, RenderedResourceId id, string apiVersion, string @namespace)
    {
        var namespaceValue = RenderedScalar.String(@namespace);
        switch (ClusterScope.IsClusterScoped(id, apiVersion))
        {
            case null:
                return false;
            case false:
                metadata.Entries["namespace"] = namespaceValue;
                break;
        }

        if (id.Kind == "Namespace" && apiVersion == "v1")
        {
            metadata.Entries["name"] = namespaceValue;
        }

        if (id.Kind is "RoleBinding" or "ClusterRoleBinding" && root.Entries.TryGetValue("subjects", out var subjects))
        {
            if (subjects is RenderedList list)
            {
                foreach (var subject in list.Items)
                {
                    if (subject is not RenderedMap subjectMap)
                    {
                        return false;
                    }

                    if (subjectMap.StringAt("name") == "default")
                    {
                        subjectMap.Entries["namespace"] = namespaceValue;
                    }
                }
            }
            else if (subjects is not RenderedScalar { IsString: false, Text: "null" })
            {
                return false;
            }
        }

        if (id.Kind == "APIService" && id.Group == "apiregistration.k8s.io")
        {
            if (Walk(root, new[] { "spec", "service" }, create: true) is not { } service)
            {
                return false;
            }

            service.Entries["namespace"] = namespaceValue;
        }

        if (id.Kind == "CustomResourceDefinition" && id.Group == "apiextensions.k8s.io"
            && Walk(root, new[] { "spec", "conversion", "webhook", "clientConfig", "service" }, create: false) is { } webhookService
            && webhookService.Entries.ContainsKey("namespace"))
        {
            webhookService.Entries["namespace"] = namespaceValue;
        }

        return true;
    }

    private static List<KeyValuePair<string, RenderedScalar>> Values(List<KeyValuePair<string, string>> pairs) =>
        pairs.Select(p => new KeyValuePair<string, RenderedScalar>(p.Key, RenderedScalar.String(p.Value))).ToList();

    private static bool SetAll(RenderedMap root, string[] path, string field, List<KeyValuePair<string, RenderedScalar>> values)
    {
        var parents = new List<RenderedMap>();
        return WalkAll(root, path, 0, parents) && parents.All(parent => OnlyStrings(parent, field) && SetAll(parent, field, values));
    }

    /// <summary>
    /// Collects the mappings at the end of <paramref name="path"/>, creating missing mappings on the way; false when a
    /// step holds something else. A list step visits every item and creates none, as kustomize's field specs do.
    /// </summary>
    private static bool WalkAll(RenderedMap current, string[] path, int from, List<RenderedMap> found)
    {
        for (var i = from; i < path.Length; i++)
        {
            if (i + 1 < path.Length && path[i + 1] == TemplateMetadata.EachItem)
            {
                if (!current.Entries.TryGetValue(path[i], out var listNode) || listNode is RenderedScalar { IsString: false, Text: "null" })
                {
                    return true;
                }

                return listNode is RenderedList list && list.Items.All(item => item is RenderedMap map && WalkAll(map, path, i + 2, found));
            }

            if (current.Entries.TryGetValue(path[i], out var next) && next is not RenderedMap)
            {
                return false;
            }

            current = current.MapAt(path[i], create: true)!;
        }

        found.Add(current);
        return true;
    }

    /// <summary>Sets each key: an existing value is overwritten in place, a missing one gets the shared node.</summary>
    private static bool SetAll(RenderedMap parent, string field, List<KeyValuePair<string, RenderedScalar>> values)
    {
        if (MapField(parent, field) is not { } target)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (target.Entries.TryGetValue(value.Key, out var existing) && existing is RenderedScalar scalar)
            {
                scalar.Assign(value.Value);
            }
            else
            {
                target.Entries[value.Key] = value.Value;
            }
        }

        return true;
    }

    /// <summary>The mapping at <paramref name="field"/>, created when absent or null; null when the field holds something else.</summary>
    private static RenderedMap? MapField(RenderedMap parent, string field)
    {
        if (parent.Entries.TryGetValue(field, out var existing) && existing is RenderedScalar { IsString: false, Text: "null" })
        {
            parent.Entries.Remove(field);
        }

        return parent.MapAt(field, create: true);
    }

    /// <summary>The mapping at the end of <paramref name="path"/>; null when a step holds something else, or is missing and may not be created.</summary>
    private static RenderedMap? Walk(RenderedMap root, IEnumerable<string> path, bool create)
    {
        var current = root;
        foreach (var step in path)
        {
            if (current.Entries.TryGetValue(step, out var next) && next is not RenderedMap)
            {
                return null;
            }

            current = current.MapAt(step, create);
            if (current is null)
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>Labels and annotations must be strings: kustomize rejects anything else, and says so better than a guess.</summary>
    private static bool OnlyStrings(RenderedMap parent, string field) =>
        !parent.Entries.TryGetValue(field, out var node)
        || (node is RenderedMap map && map.Entries.Values.All(v => v is RenderedScalar { IsString: true }))
        || node is RenderedScalar { IsString: false, Text: "null" };

    private static bool IsReserved(string annotation) => ReservedAnnotationPrefixes.Any(p => annotation.StartsWith(p, StringComparison.Ordinal));

    /// <summary>What the kustomization asks for, when all of it can be built in process.</summary>
    private sealed class Plan
    {
        public List<(string FullPath, string OriginPath)> Files { get; } = new();

        public string? Namespace { get; private set; }

        public List<(List<KeyValuePair<string, string>> Pairs, bool IncludeTemplates)> Labels { get; } = new();

        public List<KeyValuePair<string, string>> Annotations { get; } = new();

        public static Plan? Read(MappingNode root, string folder)
        {
            var plan = new Plan();
            foreach (var entry in root.Entries)
            {
                if (!SupportedFields.Contains(entry.Key.Value))
                {
                    return null;
                }
            }

            if (root.Get("apiVersion") is { } apiVersion && Text(apiVersion) != "kustomize.config.k8s.io/v1beta1")
            {
                return null;
            }

            if (root.Get("kind") is { } kind && Text(kind) != "Kustomization")
            {
                return null;
            }

            if (root.Get("buildMetadata") is { } buildMetadata
                && !(buildMetadata is SequenceNode { Items.Count: 1 } metadata && Text(metadata.Items[0]) == "originAnnotations"))
            {
                return null;
            }

            if (root.Get("namespace") is { } namespaceNode && !(namespaceNode is ScalarNode { IsNull: true }))
            {
                if (Text(namespaceNode) is not { Length: > 0 } @namespace)
                {
                    return null;
                }

                plan.Namespace = @namespace;
            }

            return plan.ReadResources(root.Get("resources"), folder) && plan.ReadLabels(root.Get("labels"))
                && ReadPairs(root.Get("commonAnnotations"), plan.Annotations) && !plan.Annotations.Any(a => IsReserved(a.Key))
                ? plan
                : null;
        }

        private static string? Text(YamlNode node) => node switch
        {
            ScalarNode { IsPlain: false } quoted => quoted.Value,
            ScalarNode plain => PlainScalar.Resolve(plain.Value) is { IsString: true } resolved ? resolved.Text : null,
            _ => null,
        };

        private static bool? Flag(YamlNode? node) => node switch
        {
            null => false,
            ScalarNode { IsPlain: true } scalar when PlainScalar.Resolve(scalar.Value) is { IsString: false } resolved && resolved.Text is "true" or "false" => resolved.Text == "true",
            _ => null,
        };

        private static bool ReadPairs(YamlNode? node, List<KeyValuePair<string, string>> pairs)
        {
            if (node is null || node is ScalarNode { IsNull: true })
            {
                return true;
            }

            if (node is not MappingNode mapping)
            {
                return false;
            }

            foreach (var entry in mapping.Entries)
            {
                if (Text(entry.Key) is not { Length: > 0 } key || Text(entry.Value) is not { } value || pairs.Any(p => p.Key == key))
                {
                    return false;
                }

                pairs.Add(new KeyValuePair<string, string>(key, value));
            }

            return true;
        }

        private bool ReadLabels(YamlNode? node)
        {
            if (node is null || node is ScalarNode { IsNull: true })
            {
                return true;
            }

            if (node is not SequenceNode sequence)
            {
                return false;
            }

            foreach (var item in sequence.Items)
            {
                if (item is not MappingNode label || label.Entries.Any(e => e.Key.Value is not ("pairs" or "includeSelectors" or "includeTemplates")))
                {
                    return false;
                }

                var pairs = new List<KeyValuePair<string, string>>();
                if (Flag(label.Get("includeSelectors")) != false || Flag(label.Get("includeTemplates")) is not { } includeTemplates || !ReadPairs(label.Get("pairs"), pairs))
                {
                    return false;
                }

                Labels.Add((pairs, includeTemplates));
            }

            return true;
        }

        private bool ReadResources(YamlNode? node, string folder)
        {
            if (node is null || node is ScalarNode { IsNull: true })
            {
                return true;
            }

            if (node is not SequenceNode sequence)
            {
                return false;
            }

            var root = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
            foreach (var item in sequence.Items)
            {
                if (Text(item) is not { Length: > 0 } reference || reference.IndexOf("://", StringComparison.Ordinal) >= 0)
                {
                    return false;
                }

                var full = Path.GetFullPath(Path.Combine(folder, reference));
                if (!full.StartsWith(root, StringComparison.Ordinal) || !IsFileNotLink(full))
                {
                    return false;
                }

                var origin = full.Substring(root.Length).Replace(Path.DirectorySeparatorChar, '/');
                if (!IsSimplePath(origin) || HasLinkBetween(root, origin))
                {
                    return false;
                }

                Files.Add((full, origin));
            }

            return true;
        }

        /// <summary>Whether the path exists, is no folder and is no link: one probe where the platform allows.</summary>
        private static bool IsFileNotLink(string path) =>
            FileKindProbe.TryProbeEntry(path, out var kind, out var isLink)
                ? kind != FileKind.Folder && !isLink
                : File.Exists(path) && !LinkTargets.IsLink(path);

        /// <summary>Whether a folder on the way from the kustomization to the file is a link (the file itself is checked apart).</summary>
        private static bool HasLinkBetween(string root, string relative)
        {
            var parts = relative.Split('/');
            var path = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                path = Path.Combine(path, parts[i]);
                if (LinkTargets.IsLink(path))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A path the origin annotation writes without quoting.</summary>
        private static bool IsSimplePath(string path) =>
            path.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '.' or '_' or '-' or '/')
            && KustomizeYamlWriter.CanBePlain(path);
    }
}
