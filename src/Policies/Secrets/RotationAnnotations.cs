namespace PolicyKit.Policies.Secrets;

/// <summary>
/// The annotations that record a secret's rotation on a Secret or SealedSecret (documented in docs/secrets.md):
/// when it was last rotated, and optionally how often it is meant to be.
/// </summary>
public static class RotationAnnotations
{
    /// <summary>A date (<c>2025-03-01</c>) or an RFC 3339 timestamp of the last rotation.</summary>
    public const string RotatedAt = "policykit.io/rotated-at";

    /// <summary>The intended rotation period (<c>30d</c>); it may be stricter than the policy's maximum, never looser.</summary>
    public const string RotationPeriod = "policykit.io/rotation-period";
}
