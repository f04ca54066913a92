using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// A kustomization file read for what it refers to: the files and folders it uses (so they are not judged on their
/// own), the patches it applies (so findings can be traced to them), and references PolicyKit refuses to follow
/// (remote bases, paths outside the checked tree).
/// </summary>
internal sealed class Kustomization
{
    private static readonly string[] FileLists = { "patchesStrategicMerge", "crds", "transformers", "generators", "validators", "configurations" };

    private Kustomization(string fullPath)
    {
        FullPath = fullPath;
        Folder = Path.GetDirectoryName(fullPath)!;
    }

    public string FullPath { get; }

    private Dictionary<string, string> realFolders = null!;

    public string Folder { get; }

    /// <summary>Files this kustomization reads, by full path.</summary>
    public List<string> UsedFiles { get; } = new();

    /// <summary>Folders it builds on (resources that are folders, bases, components), by full path.</summary>
    public List<string> Bases { get; } = new();

    /// <summary>The subset of <see cref="Bases"/> that are components, applied after the resources.</summary>
    public List<string> Components { get; } = new();

    public List<KustomizePatch> Patches { get; } = new();

    /// <summary>A reference that makes PolicyKit refuse to render: its node and why.</summary>
    public (YamlNode Node, string Reason)? Refusal { get; private set; }

    /// <summary>A component (<c>kind: Component</c>) only takes effect inside a kustomization that uses it; it never builds alone.</summary>
    public bool IsComponent => Root?.GetString("kind") == "Component";

    /// <summary>The parsed file, for locating generator entries.</summary>
    public MappingNode? Root { get; private set; }

    /// <param name="fullPath">The kustomization file.</param>
    /// <param name="tree">The checked tree, which references may not leave.</param>
    /// <param name="limits">Bounds for reading it and its patches.</param>
    /// <param name="realFolders">Folders already resolved to their real path, shared by the kustomizations of a run.</param>
    public static Kustomization Read(string fullPath, string tree, LoaderLimits limits, Dictionary<string, string>? realFolders = null)
    {
        var kustomization = new Kustomization(fullPath) { realFolders = realFolders ?? new Dictionary<string, string>(StringComparer.Ordinal) };
        var loaded = ManifestLoader.Load(ManifestSource.FromFile(fullPath, fullPath), limits);
        if (loaded.Documents.FirstOrDefault()?.Root is MappingNode root)
        {
            kustomization.Root = root;
            kustomization.ReadReferences(root, tree, limits);
        }

        return kustomization;
    }

    private void ReadReferences(MappingNode root, string tree, LoaderLimits limits)
    {
        foreach (var key in new[] { "resources", "bases", "components" })
        {
            foreach (var entry in Scalars(root.GetSequence(key)))
            {
                if (Resolve(entry, tree) is { } path)
                {
                    if (Directory.Exists(path))
                    {
                        Bases.Add(path);
                        if (key == "components")
                        {
                            Components.Add(path);
                        }
                    }
                    else
                    {
                        UsedFiles.Add(path);
                    }
                }
            }
        }

        foreach (var key in FileLists)
        {
            foreach (var entry in Scalars(root.GetSequence(key)))
            {
                if (key == "patchesStrategicMerge" && entry.Value.IndexOf('\n') >= 0)
                {
                    AddInlinePatch(entry, null, limits);
                }
                else if (Resolve(entry, tree) is { } path)
                {
                    UsedFiles.Add(path);
                    if (key == "patchesStrategicMerge")
                    {
                        AddPatchFile(path, null, limits);
                    }
                }
            }
        }

        foreach (var key in new[] { "patches", "patchesJson6902" })
        {
            foreach (var item in root.GetSequence(key)?.Items.OfType<MappingNode>() ?? Enumerable.Empty<MappingNode>())
            {
                var target = item.GetMapping("target");
                if (item.GetScalar("path") is { } pathNode && Resolve(pathNode, tree) is { } path)
                {
                    UsedFiles.Add(path);
                    AddPatchFile(path, target, limits);
                }
                else if (item.GetScalar("patch") is { } inline)
                {
                    AddInlinePatch(inline, target, limits);
                }
            }
        }

        foreach (var key in new[] { "configMapGenerator", "secretGenerator" })
        {
            foreach (var generator in root.GetSequence(key)?.Items.OfType<MappingNode>() ?? Enumerable.Empty<MappingNode>())
            {
                var files = Scalars(generator.GetSequence("files")).Concat(Scalars(generator.GetSequence("envs")));
                if (generator.GetScalar("env") is { } env)
                {
                    files = files.Append(env);
                }

                foreach (var file in files)
                {
                    var value = file.Value;
                    var equals = value.IndexOf('=');
                    var named = equals >= 0 ? new ScalarNode(value.Substring(equals + 1), file.IsPlain, file.Line, file.Column) : file;
                    if (Resolve(named, tree) is { } path)
                    {
                        UsedFiles.Add(path);
                    }
                }
            }
        }

        foreach (var replacement in root.GetSequence("replacements")?.Items.OfType<MappingNode>() ?? Enumerable.Empty<MappingNode>())
        {
            if (replacement.GetScalar("path") is { } pathNode && Resolve(pathNode, tree) is { } path)
            {
                UsedFiles.Add(path);
            }
        }

        if (root.GetMapping("openapi")?.GetScalar("path") is { } openApi && Resolve(openApi, tree) is { } openApiPath)
        {
            UsedFiles.Add(openApiPath);
        }

        if (root.Get("helmCharts") is { } helmCharts)
        {
            Refuse(helmCharts, "it inflates Helm charts, which PolicyKit does not allow kustomize to do; render the chart as a chart folder instead");
        }
    }

    private static IEnumerable<ScalarNode> Scalars(SequenceNode? sequence) =>
        sequence?.Items.OfType<ScalarNode>().Where(s => !s.IsNull && s.Value.Length > 0) ?? Enumerable.Empty<ScalarNode>();

    /// <summary>The full path a reference names, or null (and a refusal) when it is remote or leaves the checked tree.</summary>
    private string? Resolve(ScalarNode reference, string tree)
    {
        var value = reference.Value.Trim();
        if (value.IndexOf("://", StringComparison.Ordinal) >= 0 || value.StartsWith("github.com/", StringComparison.Ordinal)
            || value.StartsWith("git@", StringComparison.Ordinal) || value.IndexOf("?ref=", StringComparison.Ordinal) >= 0)
        {
            Refuse(reference, $"it refers to the remote resource '{value}', and the gate never reaches the network; vendor it into the repository");
            return null;
        }

        var full = Path.GetFullPath(Path.Combine(Folder, value));
        var real = LinkTargets.RealPath(full, realFolders);
        var root = tree.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!real.StartsWith(root, StringComparison.Ordinal) && real != tree)
        {
            Refuse(reference, $"it refers to '{value}', outside the checked tree");
            return null;
        }

        return full;
    }

    private void Refuse(YamlNode node, string reason) => Refusal ??= (node, reason);

    private void AddPatchFile(string path, MappingNode? target, LoaderLimits limits)
    {
        if (!File.Exists(path))
        {
            return;
        }

        var loaded = ManifestLoader.Load(ManifestSource.FromFile(path, path), limits);
        foreach (var document in loaded.Documents)
        {
            Patches.Add(Patch(path, document.Root, target));
        }
    }

    private void AddInlinePatch(ScalarNode text, MappingNode? target, LoaderLimits limits)
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText(FullPath, text.Value), limits);
        foreach (var document in loaded.Documents)
        {
            Patches.Add(Patch(FullPath, document.Root, target) with { InlineAt = text });
        }
    }

    private static KustomizePatch Patch(string path, YamlNode body, MappingNode? target)
    {
        var own = body as MappingNode;
        return new KustomizePatch(
            path,
            body,
            target?.GetString("kind") ?? own?.GetString("kind"),
            target?.GetString("name") ?? own?.GetMapping("metadata")?.GetString("name"));
    }
}
