using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Build.Tests;

/// <summary>
/// PolicyKit.Build and PolicyKit.Analyzers in one project, both from the packed feed: the build task reports the manifest
/// findings and the analyzers stay quiet on manifests (property <c>PolicyKitBuildReportsManifests</c>), so each finding
/// appears once; the analyzers still report the C# rules, and take manifests back when the check is switched off.
/// </summary>
[Collection(LocalPackageFeedCollection.Name)]
public sealed class WithAnalyzersPackageTests
{
    private const string Password = "Zx9!mQ2#vL7pR4";

    private readonly LocalPackageFeed feed;

    public WithAnalyzersPackageTests(LocalPackageFeed feed) => this.feed = feed;

    [Fact]
    public void Each_manifest_finding_is_reported_once_by_the_build_task_while_the_analyzers_report_the_CSharp_rules()
    {
        var project = new ConsumerProject(feed, referenceAnalyzers: true);
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: false));
        project.Write("Settings.cs", $"namespace Shop;\n\npublic static class Settings\n{{\n    public const string DbPassword = \"{Password}\";\n}}\n");

        var both = project.Build();

        Assert.True(both.ExitCode == 0, both.ToString());
        // PK1006 (no readiness probe, medium) is a warning through either door, so both would show it if both reported.
        var reported = ManifestWarnings(both, "PK1006");
        Assert.True(reported.Count == 1, both.ToString());
        Assert.StartsWith("deploy/web.yaml(", reported[0], StringComparison.Ordinal);
        Assert.True(both.Lines.Any(l => l.Contains("PolicyKit: PASS")), both.ToString());
        Assert.True(both.Diagnostics("warning", "PK7001").Count == 1, both.ToString());
        Assert.DoesNotContain(Password, both.Output, StringComparison.Ordinal);

        // The control: with the check off, the manifest is the analyzers' again, and they too report the finding once.
        var analyzersOnly = project.Build("-p:PolicyKitEnabled=false");

        Assert.True(analyzersOnly.ExitCode == 0, analyzersOnly.ToString());
        Assert.DoesNotContain(analyzersOnly.Lines, l => l.Contains("PolicyKit: PASS"));
        var fromAnalyzers = ManifestWarnings(analyzersOnly, "PK1006");
        Assert.True(fromAnalyzers.Count == 1, analyzersOnly.ToString());
        Assert.NotEqual(reported[0], fromAnalyzers[0]);
        Assert.Equal(Location(reported[0]), Location(fromAnalyzers[0]));
    }

    /// <summary>The <c>web.yaml(line,column)</c> part: the same finding sits at the same place through either door.</summary>
    private static string Location(string diagnostic)
    {
        var start = diagnostic.IndexOf("web.yaml(", StringComparison.Ordinal);
        return diagnostic.Substring(start, diagnostic.IndexOf(')', start) - start + 1);
    }

    /// <summary>
    /// Every distinct warning with this code located in the manifest, whichever door wrote it: the task writes the path
    /// relative to the project, the compiler the additional file's full path. MSBuild's closing summary repeats each
    /// warning word for word, which the distinct lines of <see cref="DotnetResult.Diagnostics"/> fold.
    /// </summary>
    private static List<string> ManifestWarnings(DotnetResult build, string code) =>
        build.Diagnostics("warning", code).Where(l => l.Contains("web.yaml(", StringComparison.Ordinal)).ToList();
}
