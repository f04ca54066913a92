using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Discovery.InProcessKustomize;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Builds a top-level kustomization into one rendered source: in process when it only lists local files and sets a
/// namespace, labels and annotations (<see cref="InProcessKustomizeBuild"/>), otherwise with <c>kubectl kustomize</c>
/// (or <c>kustomize build</c>). The external build runs in a <see cref="ScratchTree"/> with origin annotations turned on, the load restrictor on and no
/// plugins, Helm inflation or network; what cannot be built is one located finding on the kustomization.
/// </summary>
internal sealed class KustomizeRenderer
{
    private readonly ExternalTool? tool;
    private readonly string[] command;

    public KustomizeRenderer(DiscoveryOptions options)
    {
        Options = options;
        if (ExternalTool.Find("kubectl", options.ToolSearchPath) is { } kubectl)
        {
            (tool, command) = (kubectl, new[] { "kustomize" });
        }
        else if (ExternalTool.Find("kustomize", options.ToolSearchPath) is { } kustomize)
        {
            (tool, command) = (kustomize, new[] { "build" });
        }
        else
        {
            command = Array.Empty<string>();
        }
    }

    public DiscoveryOptions Options { get; }

    public ManifestSource Render(Kustomization overlay, IReadOnlyDictionary<string, Kustomization> all, string tree, Func<string, string> displayPath, LoaderLimits limits)
    {
        var origin = new KustomizeSourceMap(overlay, all, displayPath, limits);
        var display = displayPath(overlay.FullPath);
        var closure = Closure(overlay, all);
        if (closure.FirstOrDefault(k => k.Refusal is not null) is { Refusal: { } refusal } refusing)
        {
            return ManifestSource.WithProblem(displayPath(refusing.FullPath), refusing.FullPath, new InputProblem(InputProblemKind.KustomizeFailed, "it was not rendered: " + refusal.Reason, refusal.Node.Line, refusal.Node.Column, -1), origin);
        }

        var inputs = closure.SelectMany(k => FolderFiles(k.Folder).Concat(k.UsedFiles)).Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var inputPaths = inputs.Select(displayPath).ToList();
        if (Options.BuildSimpleKustomizationsInProcess && InProcessKustomizeBuild.CanTry(overlay))
        {
            // Built when the engine reads it, so a repository of many overlays never holds every build at once.
            return ManifestSource.RenderedWhenRead(display, () => Build(overlay, closure, inputs, tree, limits, origin, tryInProcess: true), origin, inputPaths);
        }

        var outcome = Build(overlay, closure, inputs, tree, limits, origin, tryInProcess: false);
        return outcome.Bytes is { } rendered
            ? ManifestSource.FromRendered(display, rendered, origin, inputPaths)
            : ManifestSource.WithProblem(display, overlay.FullPath, outcome.Problem!, origin);
    }

    private RenderOutcome Build(Kustomization overlay, List<Kustomization> closure, List<string> inputs, string tree, LoaderLimits limits, KustomizeSourceMap origin, bool tryInProcess)
    {
        var cache = Options.BuildCache;
        var key = cache?.KeyOf(inputs);
        if (key is not null && cache!.Find(overlay.FullPath, key) is { } earlier)
        {
            return new RenderOutcome(earlier, null);
        }

        List<SourceDocument>? trees = null;
        var built = tryInProcess ? InProcessKustomizeBuild.TryBuild(overlay, limits, origin.Seed, out trees) : null;
        var outcome = built is not null ? RenderOutcome.FromText(built, trees) : BuildWithKustomize(overlay, closure, tree);
        if (key is not null && outcome.Bytes is { } bytes)
        {
            cache!.Keep(overlay.FullPath, key, bytes);
        }

        return outcome;
    }

    private RenderOutcome BuildWithKustomize(Kustomization overlay, List<Kustomization> closure, string tree)
    {
        if (tool is null)
        {
            return new RenderOutcome(null, new InputProblem(
                InputProblemKind.KustomizeUnavailable,
                "neither kubectl nor kustomize is on PATH, so its output was not checked; install kubectl (or kustomize) where the gate runs",
                1,
                1,
                -1));
        }

        using var scratch = new ScratchTree(tree);
        foreach (var kustomization in closure)
        {
            scratch.CopyFolderFiles(kustomization.Folder);
            foreach (var file in kustomization.UsedFiles)
            {
                scratch.CopyFile(file);
            }
        }

        var copy = scratch.MapIn(overlay.FullPath);
        if (overlay.Root?.Get("buildMetadata") is null && File.Exists(copy))
        {
            File.AppendAllText(copy, "\nbuildMetadata: [originAnnotations]\n");
        }

        var run = tool.Run(command.Concat(new[] { scratch.MapIn(overlay.Folder), "--load-restrictor=LoadRestrictionsRootOnly" }).ToArray(), scratch.Root, Options);
        return run.Succeeded
            ? new RenderOutcome(run.Output, null)
            : new RenderOutcome(null, new InputProblem(InputProblemKind.KustomizeFailed, "kustomize could not build it: " + run.Message(scratch.Root), 1, 1, -1));
    }

    /// <summary>The files directly in a kustomization's folder: the build copies them all (ScratchTree.CopyFolderFiles).</summary>
    private static IEnumerable<string> FolderFiles(string folder)
    {
        try
        {
            return Directory.GetFiles(folder);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }

    /// <summary>The kustomization and everything it builds on, each once.</summary>
    private static List<Kustomization> Closure(Kustomization overlay, IReadOnlyDictionary<string, Kustomization> all)
    {
        var closure = new List<Kustomization>();
        var pending = new Stack<Kustomization>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        pending.Push(overlay);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (!seen.Add(current.Folder))
            {
                continue;
            }

            closure.Add(current);
            foreach (var basis in current.Bases)
            {
                if (all.TryGetValue(basis, out var next))
                {
                    pending.Push(next);
                }
            }
        }

        return closure;
    }
}
