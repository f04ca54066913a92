using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Kubernetes;

/// <summary>The KubernetesClient model types (<c>k8s.Models</c>) the analyzer judges, recognised by metadata name.</summary>
internal static class KubernetesModel
{
    public const string Namespace = "k8s.Models";

    public static bool IsModel(ITypeSymbol? type) =>
        type is INamedTypeSymbol { ContainingNamespace: { } ns } && ns.ToDisplayString() == Namespace;

    /// <summary>
    /// How an object of <paramref name="type"/> is written as a manifest: its <c>apiVersion</c> and <c>kind</c>, and the
    /// wrapping needed when it is only part of a pod (a pod spec, a container). False for types that are not judged alone.
    /// </summary>
    public static bool TryGetRoot(ITypeSymbol type, out string apiVersion, out string kind, out RootShape shape)
    {
        shape = RootShape.Resource;
        (apiVersion, kind) = type.Name switch
        {
            "V1Pod" => ("v1", "Pod"),
            "V1Deployment" => ("apps/v1", "Deployment"),
            "V1StatefulSet" => ("apps/v1", "StatefulSet"),
            "V1DaemonSet" => ("apps/v1", "DaemonSet"),
            "V1ReplicaSet" => ("apps/v1", "ReplicaSet"),
            "V1Job" => ("batch/v1", "Job"),
            "V1CronJob" => ("batch/v1", "CronJob"),
            "V1PodTemplateSpec" => ("v1", "Pod"),
            "V1PodSpec" => ("v1", "Pod"),
            "V1Container" => ("v1", "Pod"),
            _ => (string.Empty, string.Empty),
        };

        shape = type.Name switch
        {
            "V1PodSpec" => RootShape.PodSpec,
            "V1Container" => RootShape.Container,
            _ => RootShape.Resource,
        };

        return kind.Length > 0;
    }

    /// <summary>The manifest field a model property is written as: its <c>[JsonPropertyName]</c>, else its camel-cased name.</summary>
    public static string FieldName(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            if (attribute.AttributeClass?.Name is "JsonPropertyNameAttribute" or "JsonPropertyAttribute"
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
    }
}

/// <summary>What the root object is: a whole resource, or a pod spec or container the writer wraps in a pod.</summary>
internal enum RootShape
{
    Resource,
    PodSpec,
    Container,
}
