using System;
using System.IO;
using System.Text;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Renders a chart folder with <c>helm template</c> (chart values only; no cluster lookups, post-renderers or plugins),
/// in a <see cref="ScratchTree"/>. Without helm, or when the chart does not render, the chart is one located finding on
/// its <c>Chart.yaml</c> and its templates are never parsed as manifests.
/// </summary>
internal sealed class HelmRenderer
{
    private readonly ExternalTool? helm;
    private readonly DiscoveryOptions options;

    public HelmRenderer(DiscoveryOptions options)
    {
        this.options = options;
        helm = ExternalTool.Find("helm", options.ToolSearchPath);
    }

    public ManifestSource Render(string chartFolder, string tree, Func<string, string> displayPath)
    {
        var chartFile = Path.Combine(chartFolder, FolderMarkers.ChartName);
        var display = displayPath(chartFile);
        if (helm is null)
        {
            return ManifestSource.WithProblem(display, chartFile, new InputProblem(
                InputProblemKind.HelmUnavailable,
                "helm is not on PATH, so its templates were not rendered or checked; install helm where the gate runs (its values files are still scanned for secrets)",
                1,
                1,
                -1));
        }

        using var scratch = new ScratchTree(tree);
        CopyRecursively(scratch, chartFolder);
        var run = helm.Run(new[] { "template", "policykit", scratch.MapIn(chartFolder) }, scratch.Root, options);
        if (!run.Succeeded)
        {
            return ManifestSource.WithProblem(display, chartFile, new InputProblem(InputProblemKind.HelmFailed, "helm could not render it: " + run.Message(scratch.Root), 1, 1, -1));
        }

        var origin = new HelmSourceMap(chartFolder, Encoding.UTF8.GetString(run.Output), displayPath);
        return ManifestSource.FromRendered(display, run.Output, origin);
    }

    private static void CopyRecursively(ScratchTree scratch, string folder)
    {
        scratch.CopyFolderFiles(folder);
        foreach (var child in Directory.GetDirectories(folder))
        {
            if (!LinkTargets.IsLink(child))
            {
                CopyRecursively(scratch, child);
            }
        }
    }
}
