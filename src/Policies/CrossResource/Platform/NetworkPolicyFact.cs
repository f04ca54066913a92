using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// A <c>NetworkPolicy</c> as tenant isolation reads it: the pods it selects (all, or those with its
/// <c>podSelector.matchLabels</c>), whether it restricts ingress, and each ingress source it admits, with its location.
/// </summary>
internal sealed class NetworkPolicyFact : ResourceFact
{
    public NetworkPolicyFact(FactOrigin origin, IReadOnlyDictionary<string, string>? podSelector, bool restrictsIngress, IReadOnlyList<NetworkPeer> ingressSources)
        : base(origin)
    {
        PodSelector = podSelector;
        RestrictsIngress = restrictsIngress;
        IngressSources = ingressSources;
    }

    /// <summary>The <c>podSelector.matchLabels</c>; empty when it selects every pod of the namespace; null when it uses expressions only.</summary>
    public IReadOnlyDictionary<string, string>? PodSelector { get; }

    public bool SelectsAllPods => PodSelector is { Count: 0 };

    /// <summary><c>Ingress</c> among its policy types (explicit, or implied by having no <c>policyTypes</c>).</summary>
    public bool RestrictsIngress { get; }

    public IReadOnlyList<NetworkPeer> IngressSources { get; }

    /// <summary>Whether the policy applies to pods with <paramref name="podLabels"/>.</summary>
    public bool Selects(IReadOnlyDictionary<string, string> podLabels)
    {
        if (PodSelector is null)
        {
            return false;
        }

        foreach (var pair in PodSelector)
        {
            if (!podLabels.TryGetValue(pair.Key, out var value) || value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// One source an ingress rule admits. <c>Scope</c>: <c>anyone</c> (a rule without <c>from</c>), <c>all-namespaces</c>
/// (an empty <c>namespaceSelector</c>), <c>namespace</c> (a selector naming <c>Namespace</c> by its
/// <c>kubernetes.io/metadata.name</c> or <c>name</c> label), <c>labelled-namespaces</c> (other namespace labels, in
/// <c>Labels</c>), <c>same-namespace</c> (a <c>podSelector</c> alone), or <c>ip-block</c> (with its <c>Cidr</c>).
/// </summary>
internal sealed record NetworkPeer(string Scope, string? Namespace, IReadOnlyDictionary<string, string>? Labels, string? Cidr, FactLocation At)
{
    /// <summary>An address block that covers the whole internet.</summary>
    public bool IsWholeInternet => Cidr is "0.0.0.0/0" or "::/0";
}
