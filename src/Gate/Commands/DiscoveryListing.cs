using System.IO;
using PolicyKit.Policies.Evaluation;

namespace PolicyKit.Gate.Commands;

/// <summary>What <c>--verbose</c> prints about discovery, and the message of a run that found nothing to check.</summary>
internal static class DiscoveryListing
{
    public static void Write(EvaluationResult result, TextWriter error)
    {
        var discovery = result.Discovery;
        foreach (var overlay in discovery.Kustomizations)
        {
            error.WriteLine($"rendered with kustomize: {overlay}");
        }

        foreach (var chart in discovery.Charts)
        {
            error.WriteLine($"helm chart: {chart}");
        }

        foreach (var file in result.OtherYamlFiles)
        {
            error.WriteLine($"skipped, not Kubernetes objects: {file}");
        }

        error.WriteLine($"{discovery.IgnoredPaths} ignored path(s), {discovery.HiddenFolders} hidden folder(s), {discovery.FilesUsedByKustomizations} file(s) used by kustomizations, {discovery.LinksNotFollowed} folder link(s) not followed again");
    }

    public static string NothingToCheck(string paths, EvaluationResult result)
    {
        var discovery = result.Discovery;
        return $"no Kubernetes objects to check in {paths} ({result.FilesScanned} file(s) read, {result.OtherYamlFiles.Count} of other YAML; "
            + $"{discovery.IgnoredPaths} path(s) ignored, {discovery.HiddenFolders} hidden folder(s) skipped); "
            + "check the path, use --no-ignore to include ignored files, or --allow-empty to accept an empty input";
    }
}
