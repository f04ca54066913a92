namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// The version-control history of one exception file: the commit that added it, the last one that changed it, and
/// whether the working copy differs from what was committed (an auditor must know the register shows uncommitted text).
/// </summary>
public sealed record FileHistory(GitCommit? Added, GitCommit? LastChanged, bool UncommittedChanges)
{
    /// <summary>Whether any commit holds the file.</summary>
    public bool IsCommitted => Added is not null;
}
