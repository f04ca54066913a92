using System;
using System.Collections.Generic;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// What an exception's scope can see of a finding: its environment, the judged resource's identity and labels, and,
/// for provenance and secrets findings, the image reference and the secret key the finding is about.
/// </summary>
internal sealed class ExceptionSubject
{
    /// <summary>The finding property checks set to name the image a finding is about.</summary>
    public const string ImageProperty = "image";

    /// <summary>The finding property checks set to name the secret key a finding is about.</summary>
    public const string SecretKeyProperty = "secretKey";

    private static readonly IReadOnlyDictionary<string, string> NoLabels = new Dictionary<string, string>();

    private ExceptionSubject(string? environment, ResourceIdentity? resource, IReadOnlyDictionary<string, string> labels, string? image, string? secretKey)
    {
        Environment = environment;
        Resource = resource;
        Labels = labels;
        Image = image;
        SecretKey = secretKey;
    }

    public string? Environment { get; }

    public ResourceIdentity? Resource { get; }

    /// <summary>The judged object's own <c>metadata.labels</c> (not its pod template's).</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    public string? Image { get; }

    public string? SecretKey { get; }

    public static ExceptionSubject Of(Finding finding)
    {
        var origin = finding.Origin;
        return new ExceptionSubject(
            finding.Environment,
            finding.Resource,
            origin is null ? NoLabels : LabelsOf(origin),
            Property(finding, ImageProperty) ?? ImageAtField(finding, origin),
            Property(finding, SecretKeyProperty) ?? SecretKeyInField(finding.FieldPath));
    }

    private static string? Property(Finding finding, string key)
    {
        foreach (var property in finding.Properties)
        {
            if (property.Key == key)
            {
                return property.Value;
            }
        }

        return null;
    }

    private static IReadOnlyDictionary<string, string> LabelsOf(Resource resource)
    {
        if (resource.Root.GetMapping("metadata")?.GetMapping("labels") is not { } labels || labels.Entries.Count == 0)
        {
            return NoLabels;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in labels.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } value)
            {
                result[entry.Key.Value] = value.Value;
            }
        }

        return result;
    }

    /// <summary>The image value a finding points at, when its field is a container's <c>image</c>.</summary>
    private static string? ImageAtField(Finding finding, Resource? origin)
    {
        if (origin is null || !finding.FieldPath.EndsWith(".image", StringComparison.Ordinal))
        {
            return null;
        }

        return FieldPathNavigator.Find(origin.Root, finding.FieldPath) is ScalarNode { IsNull: false } image ? image.Value : null;
    }

    /// <summary>
    /// The secret key a field path names: the variable of <c>…env[name=DB_PASSWORD].value</c>, or the key of
    /// <c>data.DB_PASSWORD</c> / <c>stringData.DB_PASSWORD</c> in a Secret or ConfigMap.
    /// </summary>
    internal static string? SecretKeyInField(string fieldPath)
    {
        const string envMarker = ".env[name=";
        var env = fieldPath.LastIndexOf(envMarker, StringComparison.Ordinal);
        if (env >= 0)
        {
            var start = env + envMarker.Length;
            var end = fieldPath.IndexOf(']', start);
            return end > start ? fieldPath.Substring(start, end - start) : null;
        }

        foreach (var prefix in new[] { "data.", "stringData." })
        {
            if (fieldPath.StartsWith(prefix, StringComparison.Ordinal) && fieldPath.Length > prefix.Length)
            {
                return fieldPath.Substring(prefix.Length);
            }
        }

        return null;
    }
}
