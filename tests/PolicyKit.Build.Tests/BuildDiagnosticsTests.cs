using System.IO;
using System.Linq;

namespace PolicyKit.Build.Tests;

/// <summary>How findings appear in a real <c>dotnet build</c>: located, coded, and subject to the standard switches.</summary>
[Collection(LocalPackageFeedCollection.Name)]
public sealed class BuildDiagnosticsTests
{
    private readonly LocalPackageFeed feed;

    public BuildDiagnosticsTests(LocalPackageFeed feed) => this.feed = feed;

    [Fact]
    public void A_violation_fails_the_build_with_a_located_error_and_fixing_it_passes()
    {
        var project = new ConsumerProject(feed);
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: true));

        var failed = project.Build();

        Assert.NotEqual(0, failed.ExitCode);
        var (line, column) = Manifests.PrivilegedValue();
        var expected = $"deploy/web.yaml({line},{column}): error PK1007: container \"web\" sets securityContext.privileged: true; remove it or add an exception [{project.ProjectFile}]";
        Assert.True(failed.Diagnostics("error", "PK1007").SequenceEqual(new[] { expected }), failed.ToString());
        Assert.True(failed.Lines.Any(l => l.Contains("PolicyKit: FAIL") && l.Contains("1 blocking")), failed.ToString());
        var intermediate = Path.Combine(project.Directory, "obj", "Debug", "net10.0");
        Assert.True(File.Exists(Path.Combine(intermediate, "policykit.json")), failed.ToString());
        Assert.True(File.Exists(Path.Combine(intermediate, "policykit.sarif")), failed.ToString());
        Assert.False(File.Exists(Path.Combine(intermediate, "policykit.stamp")), "a failed check must not leave a stamp");

        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: false));
        var fixedBuild = project.Build();

        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.ToString());
        Assert.Empty(fixedBuild.Diagnostics("error", "PK1007"));
        Assert.Single(fixedBuild.Diagnostics("warning", "PK1005"));
        Assert.True(fixedBuild.Lines.Any(l => l.Contains("PolicyKit: PASS")), fixedBuild.ToString());
    }

    [Fact]
    public void An_exception_record_suppresses_the_error_with_a_low_importance_message_and_editing_it_reruns_the_check()
    {
        var project = new ConsumerProject(feed);
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: true));
        project.Write("exceptions/payments.yaml", Manifests.PrivilegedException("EX-2026-101"));

        var normal = project.Build("-v:d");

        Assert.True(normal.ExitCode == 0, normal.ToString());
        Assert.Empty(normal.Diagnostics("error", "PK1007"));
        Assert.True(normal.Lines.Any(l => l.Contains("message PK1007:") && l.Contains("(suppressed by EX-2026-101")), normal.ToString());
        Assert.True(normal.Lines.Any(l => l.Contains("PolicyKit: PASS") && l.Contains("1 suppressed")), normal.ToString());

        // The records are inputs of the incremental check: editing one (here: waiving another rule) re-runs it.
        project.Write("exceptions/payments.yaml", Manifests.PrivilegedException("EX-2026-101").Replace("[PK1007]", "[PK1005]"));
        var edited = project.Build();

        Assert.NotEqual(0, edited.ExitCode);
        Assert.Single(edited.Diagnostics("error", "PK1007"));
    }

    [Fact]
    public void NoWarn_silences_one_rule_and_leaves_the_others()
    {
        var project = new ConsumerProject(feed, properties: "<NoWarn>$(NoWarn);PK1005</NoWarn>");
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: false));

        var build = project.Build();

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Empty(build.Diagnostics("warning", "PK1005"));
        Assert.Single(build.Diagnostics("warning", "PK1006"));
    }

    [Fact]
    public void An_invalid_policy_file_is_an_error_located_in_it_without_a_stack_trace()
    {
        var project = new ConsumerProject(feed);
        project.Write("deploy/web.yaml", Manifests.Deployment(privileged: false));
        project.Write("policykit.yaml", "failOn: high\nenvironments:\n  - name: production\n    failOn: sometimes\n");

        var build = project.Build();

        Assert.NotEqual(0, build.ExitCode);
        var errors = build.Lines.Where(l => l.Contains("error PKB001:")).Distinct().ToList();
        Assert.True(errors.Count > 0 && errors.All(l => l.TrimStart().StartsWith("policykit.yaml(4", System.StringComparison.Ordinal) || l.Contains(">policykit.yaml(4")), build.ToString());
        Assert.False(build.Lines.Any(l => l.TrimStart().StartsWith("at PolicyKit.", System.StringComparison.Ordinal) || l.Contains("MSB4018")), build.ToString());
    }
}
