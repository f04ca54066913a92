namespace PolicyKit.Policies.Diff.Access;

/// <summary>The stable codes of <see cref="AccessFact.Kind"/>; reports and metrics group by them.</summary>
public static class AccessFactKinds
{
    /// <summary>The resource exists: never a change itself, but it tells a changed resource from a new one.</summary>
    public const string Present = "present";

    public const string Secrets = "secrets";
    public const string WildcardVerbs = "wildcard-verbs";
    public const string WildcardResources = "wildcard-resources";
    public const string EscalationVerb = "escalation-verb";
    public const string SensitiveSubresource = "sensitive-subresource";
    public const string PowerfulRoleBinding = "powerful-role-binding";
    public const string BroadSubjectBinding = "broad-subject-binding";
    public const string Privileged = "privileged";
    public const string AddedCapabilities = "added-capabilities";
    public const string HostNamespace = "host-namespace";
    public const string HostPath = "host-path";
    public const string MayRunAsRoot = "may-run-as-root";
    public const string TokenAutomount = "token-automount";
    public const string NetworkPolicy = "network-policy";
    public const string NetworkPolicyOpen = "network-policy-open";

    /// <summary>A direction (Ingress, Egress) a NetworkPolicy restricts; losing it opens that direction.</summary>
    public const string NetworkPolicyDirection = "network-policy-direction";
    public const string ServiceExposed = "service-exposed";
    public const string RouteWithoutTls = "route-without-tls";
}
