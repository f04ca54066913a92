namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// A Pod Security level and/or version given outside the manifests (<c>--pss-level</c>/<c>--pss-version</c>, or
/// <c>podSecurity</c> in <c>policykit.yaml</c>). Either may be absent; a more specific source's field replaces a less
/// specific one field by field.
/// </summary>
public sealed record PodSecuritySettings(PodSecurityLevel? Level, PodSecurityVersion? Version);
