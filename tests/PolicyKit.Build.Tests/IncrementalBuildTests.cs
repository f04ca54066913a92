using System.Linq;

namespace PolicyKit.Build.Tests;

/// <summary>When the check runs and when it is skipped: incremental builds, policy changes, multi-targeting.</summary>
[Collection(LocalPackageFeedCollection.Name)]
public sealed class IncrementalBuildTests
{
    private const string Skipped = "Skipping target \"_PolicyKitJudge\" because all output files are up-to-date";

    private readonly LocalPackageFeed feed;

    public IncrementalBuildTests(LocalPackageFeed feed) => this.feed = feed;

    [Fact]
    public void An_unchanged_second_build_skips_the_check_but_still_shows_its_warnings_and_warnaserror_fails_it()
    {
        var project = new ConsumerProject(feed);
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: false));
        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(first.Lines.Any(l => l.Contains("PolicyKit: PASS")), first.ToString());

        var second = project.Build();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(second.Lines.Any(l => l.Contains(Skipped)), second.ToString());
        Assert.False(second.Lines.Any(l => l.Contains("PolicyKit: PASS")), second.ToString());
        Assert.Equal(first.Diagnostics("warning", "PK1005"), second.Diagnostics("warning", "PK1005"));

        var strict = project.Build("-warnaserror");

        Assert.NotEqual(0, strict.ExitCode);
        Assert.Single(strict.Diagnostics("error", "PK1005"));
    }

    [Fact]
    public void Changing_only_the_policy_file_reruns_the_check()
    {
        var project = new ConsumerProject(feed);
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: false));
        var first = project.Build();
        Assert.True(first.ExitCode == 0, first.ToString());

        // PK1005 (medium) and PK1006 (low) now block.
        project.Write("policykit.yaml", "failOn: low\n");
        var second = project.Build();

        Assert.NotEqual(0, second.ExitCode);
        Assert.False(second.Lines.Any(l => l.Contains(Skipped)), second.ToString());
        Assert.Single(second.Diagnostics("error", "PK1005"));
        Assert.Single(second.Diagnostics("error", "PK1006"));
    }

    [Fact]
    public void A_multi_targeting_project_judges_its_manifests_once()
    {
        var project = new ConsumerProject(feed, targetFrameworks: "net8.0;net10.0");
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: true));

        var build = project.Build("-m");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Single(build.Lines, l => l.Contains("PolicyKit: FAIL"));
        var errors = build.Lines.Where(l => l.Contains("error PK1007:")).ToList();
        // Once where it happens and once in the closing summary: never once per target framework.
        Assert.True(errors.Count == 2, build.ToString());
    }
}
