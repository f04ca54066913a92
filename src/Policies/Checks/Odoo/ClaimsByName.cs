using System.Collections.Generic;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>The PersistentVolumeClaim objects of the input by namespace and claim name, shared by the filestore rules.</summary>
internal sealed class ClaimsByName
{
    private readonly Dictionary<(string Namespace, string Name), PersistentVolumeClaimFact> claims = new();

    private ClaimsByName()
    {
    }

    public static ClaimsByName Build(CrossResourceIndex index)
    {
        var built = new ClaimsByName();
        foreach (var fact in index.All<PersistentVolumeClaimFact>())
        {
            if (fact.Origin.Identity.Kind == "PersistentVolumeClaim" && fact.ClaimName is { } name)
            {
                built.claims[(fact.Origin.Namespace ?? string.Empty, name)] = fact;
            }
        }

        return built;
    }

    public bool TryGetValue((string Namespace, string Name) key, out PersistentVolumeClaimFact claim) => claims.TryGetValue(key, out claim!);
}
