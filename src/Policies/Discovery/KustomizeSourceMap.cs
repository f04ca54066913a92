using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Traces a field of a resource that <c>kustomize build</c> rendered back to where it is written. The resource's
/// <c>config.kubernetes.io/origin</c> annotation names its file (or the generator that made it); the patches of the
/// overlay and of everything it builds on are searched, latest applied first, for the same field path. The source that
/// holds the longest part of the path wins; a patch wins a tie only when it writes the very value pointed at, the base
/// otherwise (so a missing field is reported where the object is defined, not in a patch that merely names it).
/// </summary>
internal sealed class KustomizeSourceMap : RenderedOrigin
{
    public const string OriginAnnotation = "config.kubernetes.io/origin";

    private readonly Kustomization overlay;
    private readonly IReadOnlyDictionary<string, Kustomization> kustomizations;
    private readonly Func<string, string> displayPath;
    private readonly LoaderLimits limits;
    private readonly Dictionary<string, IReadOnlyList<SourceDocument>> files = new(StringComparer.Ordinal);

    private readonly Dictionary<string, MappingNode?> origins = new(StringComparer.Ordinal);

    // What depends only on the resource is found once per resource: checks and fact collectors locate fields of the
    // file's resources in turn, so a cache of the last resource alone missed most of the time.
    private readonly Dictionary<Resource, TracedResource> traces = new();

    // One display path string per file: facts keep a location for every field they may report.
    private readonly Dictionary<string, string> displayPaths = new(StringComparer.Ordinal);

    // The steps to the node a check pointed at, reused by every location (all taken under the lock).
    private readonly List<FieldStep> pointedSteps = new();

    public KustomizeSourceMap(Kustomization overlay, IReadOnlyDictionary<string, Kustomization> kustomizations, Func<string, string> displayPath, LoaderLimits limits)
        : base("kustomize", displayPath(overlay.Folder), overlay.Folder)
    {
        this.overlay = overlay;
        this.kustomizations = kustomizations;
        this.displayPath = displayPath;
        this.limits = limits;
    }

    /// <summary>Takes over a file's documents as the build parsed them, so locating does not parse the file again.</summary>
    public void Seed(string file, IReadOnlyList<SourceDocument> documents)
    {
        lock (files)
        {
            files[file] = documents;
            traces.Clear();
        }
    }

    public override void Release()
    {
        lock (files)
        {
            files.Clear();
            origins.Clear();
            traces.Clear();
        }
    }

    public override SourceLocation Locate(Resource resource, string fieldPath, int line, int column)
    {
        lock (files)
        {
            // The node the check pointed at decides (a missing field is reported at its parent); the field path is the fallback.
            var pointed = FieldStep.TryPathTo(resource.Root, line, column, fieldPath, pointedSteps, out var isKey);
            var steps = pointed ? pointedSteps : FieldStep.ParseShared(fieldPath);
            var located = LocateLocked(resource, steps, pointed && isKey, out var sourceNode);
            return pointed ? located : InsideValue(located, sourceNode, FieldStep.Deepest(resource.Root, steps).Node, line, column);
        }
    }

    /// <summary>
    /// A position inside a multi-line value (an option line of the <c>odoo.conf</c> a ConfigMap carries) keeps its offset
    /// from the value's start, when the source writes the same value; the render re-indents nothing inside a block.
    /// </summary>
    private static SourceLocation InsideValue(SourceLocation located, YamlNode? sourceNode, YamlNode renderedNode, int line, int column) =>
        sourceNode is ScalarNode source && renderedNode is ScalarNode rendered && line > rendered.Line && source.Value == rendered.Value
            ? new SourceLocation(located.File, source.Line + (line - rendered.Line), Math.Max(1, source.Column + (column - rendered.Column)), located.Mapping)
            : located;

    private SourceLocation LocateLocked(Resource resource, IReadOnlyList<FieldStep> steps, bool atKey, out YamlNode? sourceNode)
    {
        sourceNode = null;
        if (!traces.TryGetValue(resource, out var traced))
        {
            traces[resource] = traced = Trace(resource);
        }

        var tokens = traced.HasJson6902Patch ? PointerTokens(resource.Root, steps) : null;
        var renderedDepth = FieldStep.Deepest(resource.Root, steps).Depth;

        // A list item's "name" in a strategic-merge patch only says which item to merge into; it writes nothing.
        var pointsAtMergeKey = steps.Count >= 2 && steps[steps.Count - 1].Key == "name" && steps[steps.Count - 2].ItemName is not null;
        (string File, YamlNode Node, int Depth, string Mapping)? best = null;
        void Consider(string file, YamlNode node, int depth, string mapping)
        {
            // Sources come latest patch first, base last. A patch keeps a tie only when it writes the very value pointed at;
            // a patch that merely names the same container or block leaves the finding where that block is defined.
            var bestWritesValue = best is { } current && current.Depth == steps.Count && current.Node is ScalarNode && current.Mapping == "patch" && !pointsAtMergeKey;
            if (best is null || depth > best.Value.Depth || (depth == best.Value.Depth && !bestWritesValue))
            {
                best = (file, node, depth, mapping);
            }
        }

        foreach (var patch in traced.Patches)
        {
            var (node, depth) = patch.IsJson6902 ? InOperations((SequenceNode)patch.Body, steps, tokens!) : FieldStep.Deepest(patch.Body, steps);
            if (atKey && depth == steps.Count && !patch.IsJson6902)
            {
                node = FieldStep.KeyAt(patch.Body, steps) ?? node;
            }

            if (depth > 0)
            {
                Consider(patch.FullPath, patch.InlineAt ?? node, depth, "patch");
            }
        }

        if (traced.Original is { } original)
        {
            var (node, depth) = FieldStep.Deepest(original.Root, steps);
            if (atKey && depth == steps.Count)
            {
                node = FieldStep.KeyAt(original.Root, steps) ?? node;
            }

            Consider(original.File, depth == 0 ? original.KindNode : node, depth, "base");
        }
        else if (traced.Generator is { } generator)
        {
            Consider(generator.File, generator.Entry, 0, "generated");
        }

        if (best is not { } chosen)
        {
            return new SourceLocation(DisplayPathOf(overlay.FullPath), 1, 1, "untraced");
        }

        var mapping = chosen.Mapping == "base" && chosen.Depth < renderedDepth ? "untraced" : chosen.Mapping;
        sourceNode = chosen.Node;
        return new SourceLocation(DisplayPathOf(chosen.File), chosen.Node.Line, chosen.Node.Column, mapping);
    }

    /// <summary>The patches that target the resource, latest first, and the document or generator entry that made it.</summary>
    private TracedResource Trace(Resource resource)
    {
        var kind = resource.Identity.Kind;
        var name = resource.Identity.Name ?? string.Empty;
        var patches = PatchesLatestFirst(overlay.Folder, new HashSet<string>(StringComparer.Ordinal)).Where(p => p.Targets(kind, name)).ToList();
        var origin = Origin(resource);
        var original = origin?.GetString("path") is { } path ? OriginalDocument(Path.GetFullPath(Path.Combine(overlay.Folder, path)), kind, name) : null;
        (string File, YamlNode Entry)? generator = null;
        if (original is null && origin?.GetString("configuredIn") is { } configuredIn)
        {
            var generatorFile = Path.GetFullPath(Path.Combine(overlay.Folder, configuredIn));
            generator = (generatorFile, GeneratorEntry(generatorFile, name));
        }

        return new TracedResource(patches, patches.Exists(p => p.IsJson6902), original, generator);
    }

    private string DisplayPathOf(string file)
    {
        if (!displayPaths.TryGetValue(file, out var display))
        {
            displayPaths[file] = display = displayPath(file);
        }

        return display;
    }

    /// <summary>Patches in the order that makes the last one kustomize applied come first: own patches, components, bases.</summary>
    private IEnumerable<KustomizePatch> PatchesLatestFirst(string folder, HashSet<string> visited)
    {
        if (!visited.Add(folder) || !kustomizations.TryGetValue(folder, out var kustomization))
        {
            yield break;
        }

        for (var i = kustomization.Patches.Count - 1; i >= 0; i--)
        {
            yield return kustomization.Patches[i];
        }

        var components = kustomization.Bases.Where(b => kustomization.Components.Contains(b)).Reverse();
        var resources = kustomization.Bases.Where(b => !kustomization.Components.Contains(b)).Reverse();
        foreach (var basis in components.Concat(resources))
        {
            foreach (var patch in PatchesLatestFirst(basis, visited))
            {
                yield return patch;
            }
        }
    }

    private static List<string> PointerTokens(YamlNode root, IReadOnlyList<FieldStep> steps)
    {
        var tokens = new List<string>(steps.Count);
        YamlNode? node = root;
        foreach (var step in steps)
        {
            tokens.Add(step.PointerToken(node));
            node = step.Select(node);
        }

        return tokens;
    }

    /// <summary>The deepest match of the field among JSON 6902 operations that add or replace it (or an ancestor).</summary>
    private static (YamlNode Node, int Depth) InOperations(SequenceNode operations, IReadOnlyList<FieldStep> steps, List<string> tokens)
    {
        (YamlNode Node, int Depth) best = (operations, 0);
        foreach (var operation in operations.Items.OfType<MappingNode>())
        {
            var op = operation.GetString("op");
            if ((op != "add" && op != "replace") || operation.GetString("path") is not { } pointer)
            {
                continue;
            }

            var path = pointer.Split('/').Skip(1).Select(t => t.Replace("~1", "/").Replace("~0", "~")).ToList();
            var common = 0;
            while (common < path.Count && common < tokens.Count && path[common] == tokens[common])
            {
                common++;
            }

            (YamlNode Node, int Depth) match = (operation, common);
            if (common == path.Count && operation.Get("value") is { } value)
            {
                var (inner, depth) = FieldStep.Deepest(value, steps, common);
                match = (inner, common + depth);
            }

            if (match.Depth > best.Depth)
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>The resource's origin annotation, read once per distinct text (every resource of a file has the same).</summary>
    private MappingNode? Origin(Resource resource)
    {
        var text = resource.Root.GetMapping("metadata")?.GetMapping("annotations")?.GetString(OriginAnnotation);
        if (text is null)
        {
            return null;
        }

        if (!origins.TryGetValue(text, out var origin))
        {
            var loaded = ManifestLoader.Load(ManifestSource.FromText(OriginAnnotation, text), LoaderLimits.Default);
            origins[text] = origin = loaded.Documents.FirstOrDefault()?.Root as MappingNode;
        }

        return origin;
    }

    private (string File, MappingNode Root, YamlNode KindNode)? OriginalDocument(string file, string kind, string renderedName)
    {
        if (!files.TryGetValue(file, out var documents))
        {
            documents = File.Exists(file) ? ManifestLoader.Load(ManifestSource.FromFile(file, file), limits).Documents : Array.Empty<SourceDocument>();
            files[file] = documents;
        }

        (string, MappingNode, YamlNode)? found = null;
        var foundLength = -1;
        foreach (var root in documents.Select(d => d.Root).OfType<MappingNode>())
        {
            var name = root.GetMapping("metadata")?.GetString("name") ?? string.Empty;
            if (root.GetString("kind") == kind && renderedName.Contains(name) && name.Length > foundLength)
            {
                found = (file, root, (YamlNode?)root.GetScalar("kind") ?? root);
                foundLength = name.Length;
            }
        }

        return found;
    }

    private YamlNode GeneratorEntry(string kustomizationFile, string renderedName)
    {
        var folder = Path.GetDirectoryName(kustomizationFile)!;
        if (kustomizations.TryGetValue(folder, out var kustomization) && kustomization.Root is { } root)
        {
            foreach (var key in new[] { "configMapGenerator", "secretGenerator" })
            {
                foreach (var entry in root.GetSequence(key)?.Items.OfType<MappingNode>() ?? Enumerable.Empty<MappingNode>())
                {
                    if (entry.GetString("name") is { } name && renderedName.Contains(name))
                    {
                        return entry;
                    }
                }
            }

            return root;
        }

        return new ScalarNode(string.Empty, false, 1, 1);
    }

    private readonly record struct TracedResource(
        List<KustomizePatch> Patches,
        bool HasJson6902Patch,
        (string File, MappingNode Root, YamlNode KindNode)? Original,
        (string File, YamlNode Entry)? Generator);
}
