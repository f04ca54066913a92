namespace PolicyKit.Policies.Diff;

/// <summary>Which side of a change supplies the policy, packs and exception records that judge both sides.</summary>
public enum PolicySide
{
    /// <summary>The base commit's: a change cannot loosen the rules that judge it (the default).</summary>
    Base,

    /// <summary>The change's own, for a team that has reviewed its governance changes separately.</summary>
    Head,
}
