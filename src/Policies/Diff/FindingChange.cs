namespace PolicyKit.Policies.Diff;

/// <summary>How a finding relates to the earlier state it is compared with, decided by fingerprint.</summary>
public enum FindingChange
{
    /// <summary>The change introduced it: no finding of the earlier state has its fingerprint.</summary>
    New,

    /// <summary>It was there before (perhaps reformatted, reordered or moved to another file).</summary>
    Existing,

    /// <summary>It was there before and the change removed it.</summary>
    Fixed,
}
