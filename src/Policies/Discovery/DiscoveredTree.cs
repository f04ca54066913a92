using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// A discovery together with what it read to group the tree (its kustomizations, their overlays and the charts), so
/// the tree's next state can be discovered by rendering again only the overlays a change reaches
/// (<see cref="RepositoryDiscovery.Update"/>).
/// </summary>
/// <param name="Result">What the discovery found.</param>
/// <param name="Kustomizations">Every kustomization read, by folder.</param>
/// <param name="Overlays">The top-level kustomizations, in the order of their rendered sources.</param>
/// <param name="FirstRendered">The index in <c>Result.Sources</c> of the first overlay's rendered source.</param>
/// <param name="Charts">The chart folders, by full path.</param>
/// <param name="Trees">For each overlay and chart folder, the real path of the checked tree its build may read from.</param>
/// <param name="DisplayPath">A full path to the path reports show.</param>
internal sealed record DiscoveredTree(
    DiscoveryResult Result,
    IReadOnlyDictionary<string, Kustomization> Kustomizations,
    IReadOnlyList<Kustomization> Overlays,
    int FirstRendered,
    IReadOnlyList<string> Charts,
    IReadOnlyDictionary<string, string> Trees,
    Func<string, string> DisplayPath)
{
    private HashSet<string>? patchFiles;

    /// <summary>
    /// Whether a change to this file's content can change what discovery finds or how it groups it: a kustomization or
    /// chart marker, an ignore file, an Odoo configuration file (kept or skipped by its content), a patch file (read when
    /// its kustomization is read), anything in a chart (rendered by Helm from the whole folder).
    /// </summary>
    public bool ShapesDiscovery(string changedFile)
    {
        var name = Path.GetFileName(changedFile);
        patchFiles ??= new HashSet<string>(Kustomizations.Values.SelectMany(k => k.Patches).Where(p => p.InlineAt is null).Select(p => p.FullPath), StringComparer.Ordinal);
        return FolderMarkers.IsMarker(name)
            || name == ".gitignore"
            || OdooConfigReader.HasConfigExtension(name)
            || patchFiles.Contains(changedFile)
            || Charts.Any(chart => changedFile.StartsWith(chart.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }
}
