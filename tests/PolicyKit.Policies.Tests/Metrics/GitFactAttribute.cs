using PolicyKit.Policies.Tests.Exceptions;
using TestGit = PolicyKit.Policies.Tests.Exceptions.Git;

namespace PolicyKit.Policies.Tests.Metrics;

/// <summary>A fact that needs the real git: reported as skipped, with the reason, on a machine without it.</summary>
internal sealed class GitFactAttribute : FactAttribute
{
    public GitFactAttribute()
    {
        if (!TestGit.IsAvailable)
        {
            Skip = "git is not installed; the release history is read with git";
        }
    }
}
