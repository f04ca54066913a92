using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>A <c>PersistentVolumeClaim</c> (or a StatefulSet's claim template): its access modes and storage class.</summary>
internal sealed class PersistentVolumeClaimFact : ResourceFact
{
    public PersistentVolumeClaimFact(FactOrigin origin, string? claimName, IReadOnlyList<string> accessModes, string? storageClass, FactLocation accessModesAt)
        : base(origin)
    {
        ClaimName = claimName;
        AccessModes = accessModes;
        StorageClass = storageClass;
        AccessModesAt = accessModesAt;
    }

    /// <summary>The PVC's (or claim template's) <c>metadata.name</c>, else the claim's spec; where findings about the claim as a whole point.</summary>
    public FactLocation NameAt { get; init; }

    /// <summary>The claim's name: the PVC's, or the template's for a StatefulSet (whose pods name it per ordinal).</summary>
    public string? ClaimName { get; }

    public IReadOnlyList<string> AccessModes { get; }

    public string? StorageClass { get; }

    /// <summary>The <c>accessModes</c> value, else the claim's <c>spec</c>.</summary>
    public FactLocation AccessModesAt { get; }

    /// <summary>Whether pods on several nodes may write it.</summary>
    public bool IsSharedWritable => Contains("ReadWriteMany");

    private bool Contains(string mode)
    {
        foreach (var candidate in AccessModes)
        {
            if (candidate == mode)
            {
                return true;
            }
        }

        return false;
    }
}
