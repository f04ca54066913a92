using System;

namespace PolicyKit.Policies.Git;

/// <summary>
/// A git repository, commit or object the gate needs is not available (not a repository, unknown revision, shallow
/// clone without the base). The message says what to do; doors report it as a usage error.
/// </summary>
public sealed class GitException : Exception
{
    public GitException(string message)
        : base(message)
    {
    }
}
