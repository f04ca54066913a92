using System;

namespace PolicyKit.Policies.Discovery;

/// <summary>The file names that make a folder a kustomization or a Helm chart.</summary>
internal static class FolderMarkers
{
    public static readonly string[] KustomizationNames = { "kustomization.yaml", "kustomization.yml", "Kustomization" };

    public const string ChartName = "Chart.yaml";

    public static bool IsKustomization(string fileName) => Array.IndexOf(KustomizationNames, fileName) >= 0;

    public static bool IsMarker(string fileName) => IsKustomization(fileName) || fileName == ChartName;
}
