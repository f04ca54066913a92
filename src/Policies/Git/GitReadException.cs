#if NET
using System;

namespace PolicyKit.Policies.Git;

/// <summary>The release history cannot be read: git is missing, the folder is no repository, a revision is unknown.</summary>
public sealed class GitReadException : Exception
{
    public GitReadException(string message)
        : base(message)
    {
    }
}
#endif
