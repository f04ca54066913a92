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

    public static ExceptionSubject Of(Finding finding) => new(
        finding.Environment,
        finding.Resource,
        finding.Labels,
        Property(finding, ImageProperty) ?? finding.Image,
        Property(finding, SecretKeyProperty) ?? SecretKeyInField(finding.FieldPath));

    /// <summary>
    /// The image value at <paramref name="fieldPath"/> when it is a container's <c>image</c>, read while the tree is at
    /// hand so findings need not keep it.
    /// </summary>
    internal static string? ImageAt(MappingNode root, string fieldPath)
    {
        if (!fieldPath.EndsWith(".image", StringComparison.Ordinal))
        {
            return null;
        }

        return FieldPathNavigator.Find(root, fieldPath) is ScalarNode { IsNull: false } image ? image.Value : null;
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
