using System;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// The <c>secrets</c> settings of a policy file (top level, and per environment on top of it): how long a secret may go
/// without rotation (<c>maxRotationAge</c>, judged from <c>policykit.io/rotated-at</c>) and how stale an External
/// Secrets copy may get (<c>maxRefreshInterval</c>, judged from <c>spec.refreshInterval</c>).
/// </summary>
public sealed record SecretsPolicy(TimeSpan MaxRotationAge, TimeSpan MaxRefreshInterval)
{
    /// <summary>
    /// Whether the policy file sets these limits (its <c>secrets</c>, or the environment's): only then is a secret that
    /// misses them a finding (PK3007). The defaults still measure the rotation figure of every run.
    /// </summary>
    public bool RotationRequired { get; init; }

    /// <summary>90 days between rotations, a day between refreshes from the secret store; not a requirement.</summary>
    public static SecretsPolicy Default { get; } = new(TimeSpan.FromDays(90), TimeSpan.FromHours(24));
}
