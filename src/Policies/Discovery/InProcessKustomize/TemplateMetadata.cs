using System.Collections.Generic;

namespace PolicyKit.Policies.Discovery.InProcessKustomize;

/// <summary>
/// Where kustomize's label and annotation transformers reach into pod templates, beyond every object's own metadata
/// (its built-in field specifications for <c>labels</c> with <c>includeTemplates</c> and for <c>commonAnnotations</c>).
/// </summary>
internal static class TemplateMetadata
{
    private static readonly string[] PodTemplate = { "spec", "template", "metadata" };
    private static readonly string[] JobTemplate = { "spec", "jobTemplate", "metadata" };
    private static readonly string[] JobPodTemplate = { "spec", "jobTemplate", "spec", "template", "metadata" };

    /// <summary>Every claim template's metadata: <see cref="EachItem"/> stands for every item of the list before it.</summary>
    private static readonly string[] ClaimTemplates = { "spec", "volumeClaimTemplates", EachItem, "metadata" };

    public const string EachItem = "[]";

    public static IEnumerable<string[]> LabelPaths(RenderedResourceId id)
    {
        switch (id.Kind)
        {
            case "ReplicationController" when id.Version == "v1":
            case "Deployment":
            case "ReplicaSet":
            case "DaemonSet":
            case "Job" when id.Group == "batch":
                return new[] { PodTemplate };
            case "StatefulSet" when id.Group == "apps":
                return new[] { PodTemplate, ClaimTemplates };
            case "CronJob" when id.Group == "batch":
                return new[] { JobTemplate, JobPodTemplate };
            default:
                return System.Array.Empty<string[]>();
        }
    }

    public static IEnumerable<string[]> AnnotationPaths(RenderedResourceId id)
    {
        switch (id.Kind)
        {
            case "ReplicationController" when id.Version == "v1":
            case "Deployment":
            case "ReplicaSet":
            case "DaemonSet":
            case "StatefulSet":
            case "Job" when id.Group == "batch":
                return new[] { PodTemplate };
            case "CronJob" when id.Group == "batch":
                return new[] { JobTemplate, JobPodTemplate };
            default:
                return System.Array.Empty<string[]>();
        }
    }
}
