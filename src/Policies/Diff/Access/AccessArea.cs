namespace PolicyKit.Policies.Diff.Access;

/// <summary>The three kinds of privilege a change can grant.</summary>
public enum AccessArea
{
    /// <summary>Kubernetes API access: roles and their bindings.</summary>
    Rbac,

    /// <summary>What a workload may do on its node: privilege, capabilities, host namespaces and paths, root, API token.</summary>
    Workload,

    /// <summary>Who can reach what: network policies, Service types, ingress routes without TLS.</summary>
    Network,
}
