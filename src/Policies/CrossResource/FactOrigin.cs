using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// The resource a fact was read from, in compact form (identity, file, labels; the tree only for rendered resources, as
/// for every finding), and the environment that judges its file. Findings about the fact are reported through it.
/// </summary>
internal sealed class FactOrigin
{
    public FactOrigin(JudgedResource resource, EnvironmentRuleSet environment)
    {
        Resource = resource;
        Environment = environment;
    }

    public JudgedResource Resource { get; }

    public EnvironmentRuleSet Environment { get; }

    public ResourceIdentity Identity => Resource.Identity;

    /// <summary>The namespace the resource lives in; null when the manifest does not say (it lands in the applier's).</summary>
    public string? Namespace => Resource.Identity.Namespace;

    public string? Name => Resource.Identity.Name;

    /// <summary>The hosting profile of the environment judging the resource (docs/configuration.md), or null.</summary>
    public string? Profile => Environment.Profile;

    /// <summary>Whether the environment judging the resource is a production one (docs/configuration.md).</summary>
    public bool IsProduction => Environment.IsProduction;

    /// <summary>Whether another resource lives in the same namespace (both unnamed counts: one kubectl apply).</summary>
    public bool SameNamespaceAs(FactOrigin other) => string.Equals(Namespace, other.Namespace, System.StringComparison.Ordinal);
}
