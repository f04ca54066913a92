using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Turns the paths a user names into what PolicyKit judges (docs/discovery.md): plain manifest files, each top-level
/// kustomization rendered as one source, each Helm chart rendered (its value files scanned for secrets), and every path
/// that could not be used as a located problem. Files a kustomization uses and a chart's templates are never judged as
/// manifests on their own. Every door (CLI, build task, analyzer) calls this, so all see the same inputs.
/// </summary>
public static class RepositoryDiscovery
{
    /// <exception cref="FileNotFoundException">A named path does not exist.</exception>
    public static DiscoveryResult Discover(IEnumerable<string> paths, PolicyConfig config, string workingDirectory, DiscoveryOptions options) =>
        Run(paths, config, workingDirectory, options).Result;

    /// <summary>A discovery with what <see cref="Update"/> needs to follow the tree's next state.</summary>
    /// <exception cref="FileNotFoundException">A named path does not exist.</exception>
    internal static DiscoveredTree Run(IEnumerable<string> paths, PolicyConfig config, string workingDirectory, DiscoveryOptions options)
    {
        var walker = new RepositoryWalker(config, options, workingDirectory);
        foreach (var path in paths)
        {
            walker.Add(path);
        }

        var kustomizations = ReadKustomizations(walker.Folders, walker.TreeOf, config.Limits);
        var used = new HashSet<string>(kustomizations.Values.SelectMany(k => k.UsedFiles), StringComparer.Ordinal);
        var bases = new HashSet<string>(kustomizations.Values.SelectMany(k => k.Bases), StringComparer.Ordinal);
        var charts = walker.Folders.Where(f => File.Exists(Path.Combine(f, FolderMarkers.ChartName))).OrderBy(f => f, StringComparer.Ordinal).ToList();
        charts = charts.Where(c => !charts.Any(outer => outer != c && IsInside(c, outer))).ToList();

        var sources = new List<ManifestSource>();
        var usedCount = 0;
        foreach (var file in walker.Files.OrderBy(f => f.DisplayPath, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file.FullPath);
            var chart = charts.FirstOrDefault(c => IsInside(file.FullPath, c));
            if (chart is not null)
            {
                if (IsValuesFile(name) && Path.GetDirectoryName(file.FullPath) == chart)
                {
                    sources.Add(ManifestSource.HelmValues(file.FullPath, file.DisplayPath));
                }
            }
            else if (FolderMarkers.IsKustomization(name) && kustomizations.ContainsKey(Path.GetDirectoryName(file.FullPath)!))
            {
                // The kustomization is judged through what it builds.
            }
            else if (used.Contains(file.FullPath))
            {
                usedCount++;
            }
            else
            {
                sources.Add(ManifestSource.FromFile(file.FullPath, file.DisplayPath));
            }
        }

        var overlays = kustomizations.Values
            .Where(k => walker.Folders.Contains(k.Folder) && !bases.Contains(k.Folder) && !k.IsComponent && !charts.Any(c => IsInside(k.Folder, c)))
            .OrderBy(k => k.FullPath, StringComparer.Ordinal)
            .ToList();
        // Found before rendering in parallel: the walker's caches are not shared between threads.
        var trees = overlays.Select(o => o.Folder).Concat(charts).Distinct(StringComparer.Ordinal).ToDictionary(f => f, walker.TreeOf, StringComparer.Ordinal);

        // Renderers are separate processes that mostly wait on disk: run a few at once, keep the order stable.
        var kustomize = new KustomizeRenderer(options);
        var helm = new HelmRenderer(options);
        var rendered = new ManifestSource[overlays.Count + charts.Count];
        Parallel.For(0, rendered.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, i =>
        {
            rendered[i] = i < overlays.Count
                ? kustomize.Render(overlays[i], kustomizations, trees[overlays[i].Folder], walker.DisplayPath, config.Limits)
                : helm.Render(charts[i - overlays.Count], trees[charts[i - overlays.Count]], walker.DisplayPath);
        });
        var firstRendered = sources.Count;
        sources.AddRange(rendered);

        foreach (var problem in walker.Problems)
        {
            sources.Add(ManifestSource.WithProblem(problem.DisplayPath, null, new InputProblem(problem.Kind, problem.Detail, problem.Line, problem.Column, -1)));
        }

        var summary = new DiscoverySummary
        {
            IgnoredPaths = walker.IgnoredPaths,
            HiddenFolders = walker.HiddenFolders,
            LinksNotFollowed = walker.LinksNotFollowed,
            FilesUsedByKustomizations = usedCount,
            Kustomizations = overlays.Select(o => walker.DisplayPath(o.Folder)).ToList(),
            Charts = charts.Select(walker.DisplayPath).ToList(),
        };
        return new DiscoveredTree(new DiscoveryResult(sources, summary), kustomizations, overlays, firstRendered, charts, trees, walker.DisplayPath);
    }

    /// <summary>
    /// The discovery of the tree's next state, taken over from <paramref name="previous"/> except for the overlays whose
    /// build read a changed file, which are rendered again; null when a change can alter what is found or how it is
    /// grouped (then the caller discovers afresh).
    /// </summary>
    /// <param name="previous">The discovery of the tree's previous state, under the same policy and options.</param>
    /// <param name="changedFiles">
    /// Full paths of the files whose content changed since; the caller guarantees that no path appeared or went.
    /// </param>
    /// <param name="limits">Bounds for reading the kustomizations rendered again.</param>
    /// <param name="options">The options of the previous discovery.</param>
    internal static DiscoveredTree? Update(DiscoveredTree previous, IReadOnlyCollection<string> changedFiles, LoaderLimits limits, DiscoveryOptions options)
    {
        if (changedFiles.Any(previous.ShapesDiscovery))
        {
            return null;
        }

        var changedDisplay = new HashSet<string>(changedFiles.Select(previous.DisplayPath), StringComparer.Ordinal);
        var sources = previous.Result.Sources.ToList();
        var stale = Enumerable.Range(0, previous.Overlays.Count)
            .Where(i => sources[previous.FirstRendered + i] is var source && (source.BuildInputs.Count == 0 || source.BuildInputs.Any(changedDisplay.Contains)))
            .ToList();
        var kustomize = new KustomizeRenderer(options);
        Parallel.ForEach(stale, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) }, i =>
        {
            sources[previous.FirstRendered + i] = kustomize.Render(previous.Overlays[i], previous.Kustomizations, previous.Trees[previous.Overlays[i].Folder], previous.DisplayPath, limits);
        });

        return previous with { Result = previous.Result with { Sources = sources } };
    }

    private static bool IsValuesFile(string name) =>
        name.StartsWith("values", StringComparison.Ordinal) && (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal));

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>Every kustomization found, and every one they build on inside its tree even if it was not walked.</summary>
    /// <remarks>
    /// Read in rounds, each in parallel: first the folders the walk found, then the bases the previous round named and
    /// nobody read yet. A repository of many tenants has hundreds of kustomizations, and reading them one by one was a
    /// tenth of a check's wall time. A base reached from several overlays is read once, in the tree of the first.
    /// </remarks>
    private static Dictionary<string, Kustomization> ReadKustomizations(IEnumerable<string> folders, Func<string, string> treeOf, LoaderLimits limits)
    {
        var all = new Dictionary<string, Kustomization>(StringComparer.Ordinal);
        var round = folders.Select(f => (Folder: f, Tree: treeOf(f))).ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };
        while (round.Count > 0)
        {
            var unread = round.Where(r => !all.ContainsKey(r.Folder)).GroupBy(r => r.Folder, StringComparer.Ordinal).Select(g => g.First()).ToList();
            var read = new Kustomization?[unread.Count];

            // Each worker keeps its own cache of real folders: the cache is a plain dictionary, not shared across threads.
            Parallel.For(
                0,
                unread.Count,
                parallel,
                () => new Dictionary<string, string>(StringComparer.Ordinal),
                (i, _, realFolders) =>
                {
                    var file = FolderMarkers.KustomizationNames.Select(n => Path.Combine(unread[i].Folder, n)).FirstOrDefault(File.Exists);
                    read[i] = file is null ? null : Kustomization.Read(file, unread[i].Tree, limits, realFolders);
                    return realFolders;
                },
                _ => { });

            round = new List<(string Folder, string Tree)>();
            for (var i = 0; i < unread.Count; i++)
            {
                if (read[i] is { } kustomization)
                {
                    all[unread[i].Folder] = kustomization;
                    round.AddRange(kustomization.Bases.Select(basis => (basis, unread[i].Tree)));
                }
            }
        }

        return all;
    }
}
