using System;
using System.Globalization;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Measures rotation for each object that carries secret values: an <c>ExternalSecret</c> (or
/// <c>ClusterExternalSecret</c>) by its <c>refreshInterval</c> against <c>maxRefreshInterval</c>; a <c>SealedSecret</c>
/// or a <c>Secret</c> by its <see cref="RotationAnnotations"/> against <c>maxRotationAge</c>. Service-account-token
/// Secrets and Secrets without values are not secrets to rotate and are not measured.
/// </summary>
public static class SecretRotation
{
    /// <summary>External Secrets' default when <c>refreshInterval</c> is omitted.</summary>
    private static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromHours(1);

    private const string ExternalSecretsGroup = "external-secrets.io";

    /// <summary>The assessment of <paramref name="resource"/>, or null when it holds no secret to rotate.</summary>
    public static RotationAssessment? Assess(Resource resource, SecretsPolicy policy, DateTimeOffset now)
    {
        var identity = resource.Identity;
        switch (identity.Kind)
        {
            case "ExternalSecret" when identity.Group == ExternalSecretsGroup:
                return AssessRefresh(resource, resource.Root.GetMapping("spec"), "spec", policy);
            case "ClusterExternalSecret" when identity.Group == ExternalSecretsGroup:
                return AssessRefresh(resource, resource.Root.GetMapping("spec")?.GetMapping("externalSecretSpec"), "spec.externalSecretSpec", policy);
            case "SealedSecret" when identity.Group == "bitnami.com":
                return AssessAnnotations(resource, policy, now, resource.Root.GetMapping("spec")?.GetMapping("template")?.GetMapping("metadata")?.GetMapping("annotations"), "spec.template.metadata.annotations");
            case "Secret" when identity.ApiVersion == "v1" && HoldsValues(resource.Root):
                return AssessAnnotations(resource, policy, now, null, null);
            default:
                return null;
        }
    }

    /// <summary>Whether a kind can be measured at all; the rotation rule's check applies to these.</summary>
    public static bool IsMeasured(string kind) => kind is "ExternalSecret" or "ClusterExternalSecret" or "SealedSecret" or "Secret";

    private static RotationAssessment AssessRefresh(Resource resource, MappingNode? spec, string specPath, SecretsPolicy policy)
    {
        var maximum = Duration.Format(policy.MaxRefreshInterval);
        var refreshPolicy = spec?.GetScalar("refreshPolicy");
        if (refreshPolicy is { IsNull: false } && refreshPolicy.Value is "CreatedOnce" or "OnChange")
        {
            return new RotationAssessment(resource, false, $"refreshPolicy {refreshPolicy.Value} never refreshes it from the secret store; use Periodic with a refreshInterval of at most {maximum}", refreshPolicy, specPath + ".refreshPolicy");
        }

        var node = spec?.GetScalar("refreshInterval");
        if (node is null || node.IsNull)
        {
            var compliant = DefaultRefreshInterval <= policy.MaxRefreshInterval;
            return new RotationAssessment(
                resource,
                compliant,
                compliant
                    ? $"refreshInterval is unset (External Secrets default 1h), within the {maximum} maximum"
                    : $"refreshInterval is unset (External Secrets default 1h), longer than the {maximum} maximum; set it to at most {maximum}",
                (YamlNode?)spec ?? resource.KindNode,
                specPath + ".refreshInterval");
        }

        var path = specPath + ".refreshInterval";
        if (!Duration.TryParse(node.Value, out var interval))
        {
            return new RotationAssessment(resource, false, $"refreshInterval \"{node.Value}\" is not a duration; set it to at most {maximum}", node, path);
        }

        if (interval <= TimeSpan.Zero)
        {
            return new RotationAssessment(resource, false, $"refreshInterval {node.Value} disables refreshing from the secret store; set it to at most {maximum}", node, path);
        }

        return interval <= policy.MaxRefreshInterval
            ? new RotationAssessment(resource, true, $"refreshInterval {node.Value} is within the {maximum} maximum", node, path)
            : new RotationAssessment(resource, false, $"refreshInterval {node.Value} exceeds the {maximum} maximum; lower it to at most {maximum}", node, path);
    }

    private static RotationAssessment AssessAnnotations(Resource resource, SecretsPolicy policy, DateTimeOffset now, MappingNode? templateAnnotations, string? templatePath)
    {
        var maximum = Duration.Format(policy.MaxRotationAge);
        var metadata = resource.Root.GetMapping("metadata");
        var annotations = metadata?.GetMapping("annotations");
        var annotationsPath = "metadata.annotations";
        if (annotations?.GetScalar(RotationAnnotations.RotatedAt) is null && templateAnnotations?.GetScalar(RotationAnnotations.RotatedAt) is not null)
        {
            annotations = templateAnnotations;
            annotationsPath = templatePath!;
        }

        var rotatedAtNode = annotations?.GetScalar(RotationAnnotations.RotatedAt);
        var rotatedAtPath = annotationsPath + "[" + RotationAnnotations.RotatedAt + "]";
        if (rotatedAtNode is null || rotatedAtNode.IsNull)
        {
            YamlNode at = metadata?.GetScalar("name") ?? (YamlNode)resource.KindNode;
            return new RotationAssessment(resource, false, $"no {RotationAnnotations.RotatedAt} annotation records its last rotation; rotate it at least every {maximum} and record the date", at, rotatedAtPath);
        }

        if (!TryParseInstant(rotatedAtNode.Value, out var rotatedAt))
        {
            return new RotationAssessment(resource, false, $"{RotationAnnotations.RotatedAt} \"{rotatedAtNode.Value}\" is not a date (use 2025-03-01 or an RFC 3339 timestamp)", rotatedAtNode, rotatedAtPath);
        }

        if (rotatedAt > now.AddDays(1))
        {
            return new RotationAssessment(resource, false, $"{RotationAnnotations.RotatedAt} {rotatedAtNode.Value} is in the future", rotatedAtNode, rotatedAtPath);
        }

        var allowed = policy.MaxRotationAge;
        var periodNode = annotations!.GetScalar(RotationAnnotations.RotationPeriod);
        if (periodNode is { IsNull: false })
        {
            var periodPath = annotationsPath + "[" + RotationAnnotations.RotationPeriod + "]";
            if (!Duration.TryParse(periodNode.Value, out var period) || period <= TimeSpan.Zero)
            {
                return new RotationAssessment(resource, false, $"{RotationAnnotations.RotationPeriod} \"{periodNode.Value}\" is not a duration such as 30d", periodNode, periodPath);
            }

            if (period > policy.MaxRotationAge)
            {
                return new RotationAssessment(resource, false, $"{RotationAnnotations.RotationPeriod} {periodNode.Value} is longer than the {maximum} maximum", periodNode, periodPath);
            }

            allowed = period;
        }

        var age = now - rotatedAt;
        var days = Math.Max(0, (int)Math.Floor(age.TotalDays)).ToString(CultureInfo.InvariantCulture);
        return age <= allowed
            ? new RotationAssessment(resource, true, $"last rotated {rotatedAtNode.Value} ({days} days ago), within {Duration.Format(allowed)}", rotatedAtNode, rotatedAtPath)
            : new RotationAssessment(resource, false, $"last rotated {rotatedAtNode.Value} ({days} days ago), older than {Duration.Format(allowed)}; rotate it and update {RotationAnnotations.RotatedAt}", rotatedAtNode, rotatedAtPath);
    }

    private static bool HoldsValues(MappingNode root)
    {
        if (root.GetString("type") == "kubernetes.io/service-account-token")
        {
            return false;
        }

        foreach (var field in new[] { "data", "stringData" })
        {
            foreach (var entry in root.GetMapping(field)?.Entries ?? Array.Empty<YamlEntry>())
            {
                if (entry.Value is ScalarNode { IsNull: false } value && value.Value.Length > 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryParseInstant(string text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text.Trim(), new[] { "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK" }, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}
