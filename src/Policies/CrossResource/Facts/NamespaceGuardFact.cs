using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>
/// An object that guards a namespace as a whole: a <c>NetworkPolicy</c>, <c>ResourceQuota</c> or <c>LimitRange</c>.
/// For a NetworkPolicy, whether it selects every pod and which directions it restricts.
/// </summary>
internal sealed class NamespaceGuardFact : ResourceFact
{
    public NamespaceGuardFact(FactOrigin origin, bool selectsAllPods, IReadOnlyList<string> policyTypes, bool allowsAnyIngress)
        : base(origin)
    {
        SelectsAllPods = selectsAllPods;
        PolicyTypes = policyTypes;
        AllowsAnyIngress = allowsAnyIngress;
    }

    public string Kind => Origin.Identity.Kind;

    /// <summary>A NetworkPolicy with an empty <c>podSelector</c>; always true for quotas and limit ranges.</summary>
    public bool SelectsAllPods { get; }

    /// <summary>A NetworkPolicy's <c>policyTypes</c> (Ingress when absent, plus Egress when it has egress rules).</summary>
    public IReadOnlyList<string> PolicyTypes { get; }

    /// <summary>A NetworkPolicy with an ingress rule that has no <c>from</c> (allows every source).</summary>
    public bool AllowsAnyIngress { get; }
}
