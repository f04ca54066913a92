using System.IO;
using System.Linq;

namespace PolicyKit.Gate.Tests.PullRequests;

/// <summary>What <c>--base</c> and <c>--baseline</c> say when they cannot compare: one line, exit code 2, nothing judged.</summary>
public sealed class ChangeErrorTests
{
    [SkippableFact]
    public void A_base_revision_missing_from_the_repository_is_a_clear_usage_error()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("web.yaml", ChangeManifests.Deployment("web"));
        git.Commit("base");

        var run = git.Check("--base", "origin/main");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("policykit: the revision 'origin/main' is not in the repository at " + Path.GetFullPath(git.Path) + "; fetch it first (e.g. 'git fetch origin origin/main') or name an existing commit\n", run.StandardError);
        Assert.Equal(string.Empty, run.StandardOutput);
    }

    [SkippableFact]
    public void A_shallow_clone_without_the_base_names_the_fetch_depth_to_set()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var origin = new GitHistory();
        origin.Write("web.yaml", ChangeManifests.Deployment("web"));
        var baseCommit = origin.Commit("base");
        origin.Write("web.yaml", ChangeManifests.Deployment("web", privileged: true));
        origin.Commit("head");
        using var clone = new TempDirectory();
        var cloned = Path.Combine(clone.Path, "clone");
        var (exitCode, output) = GitHistory.Run(clone.Path, 0, "clone", "--quiet", "--depth", "1", "file://" + origin.Path, cloned);
        Assert.True(exitCode == 0, output);

        var run = PolicyKitProcess.Run(cloned, "check", "--base", baseCommit);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the base revision '{baseCommit}' is not in this shallow clone (it holds 1 commit)", run.StandardError);
        Assert.Contains("set fetch-depth: 0 on actions/checkout", run.StandardError);
    }

    [SkippableFact]
    public void Check_outside_a_git_repository_with_base_is_a_usage_error()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var folder = new TempDirectory();
        folder.Write("web.yaml", ChangeManifests.Deployment("web"));

        var run = folder.Run("check", "--base", "main");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is not inside a git repository", run.StandardError);
        Assert.Contains("--baseline FILE", run.StandardError);
    }

    [Fact]
    public void A_baseline_that_is_not_a_policykit_report_is_a_usage_error()
    {
        using var folder = new TempDirectory();
        folder.Write("web.yaml", ChangeManifests.Deployment("web"));
        folder.Write(".reports/old.json", "{\"version\": \"2.1.0\", \"runs\": []}");

        var run = folder.Run("check", "--baseline", ".reports/old.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("policykit: .reports/old.json is not a PolicyKit JSON report (written by 'policykit check --format json')\n", run.StandardError);
    }

    [Theory]
    [InlineData("--head", "HEAD")]
    [InlineData("--policy", "head")]
    [InlineData("--fail-on-existing")]
    public void Change_options_without_a_base_are_usage_errors(params string[] option)
    {
        using var folder = new TempDirectory();
        folder.Write("web.yaml", ChangeManifests.Deployment("web"));

        var run = folder.Run(new[] { "check" }.Concat(option).ToArray());

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("policykit: " + option[0] + " needs --base", run.StandardError);
    }
}
