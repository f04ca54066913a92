using System;
using System.IO;
using System.Runtime.Versioning;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Discovery;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Tests.Exceptions;

namespace PolicyKit.Policies.Tests.Discovery;

/// <summary>
/// A renderer runs on a tree whoever opened the change wrote, so it is stopped when it hangs or floods. A real kubectl
/// cannot be made to do either on purpose, so a stand-in script named <c>kubectl</c> plays the misbehaving renderer.
/// </summary>
public sealed class RendererLimitTests
{
    [UnsupportedOSPlatform("windows")]
    private static InputProblem RenderWith(string script, DiscoveryOptions limits)
    {
        using var folder = new TempFolder();
        folder.Write("overlay/kustomization.yaml", "namePrefix: acme-\nresources: []\n");
        var tools = Path.Combine(folder.Path, "tools");
        Directory.CreateDirectory(tools);
        var kubectl = Path.Combine(tools, "kubectl");
        File.WriteAllText(kubectl, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(kubectl, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var config = PolicyConfig.Defaults(folder.Path);

        var options = new DiscoveryOptions { ToolSearchPath = tools, ToolTimeout = limits.ToolTimeout, MaxToolOutputBytes = limits.MaxToolOutputBytes };
        var source = Assert.Single(RepositoryDiscovery.Discover(new[] { "." }, config, folder.Path, options).Sources);
        return Assert.Single(source.KnownProblems);
    }

    private const string NeedsShell = "the stand-in renderer is a POSIX shell script";

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void A_renderer_that_hangs_is_stopped_at_the_time_limit()
    {
        Skip.If(OperatingSystem.IsWindows(), NeedsShell);

        var started = DateTime.UtcNow;
        var problem = RenderWith("sleep 30", new DiscoveryOptions { ToolTimeout = TimeSpan.FromSeconds(1) });

        Assert.Equal(InputProblemKind.KustomizeFailed, problem.Kind);
        Assert.Contains("ran longer than 1 seconds", problem.Detail);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void A_renderer_that_floods_is_stopped_at_the_output_limit()
    {
        Skip.If(OperatingSystem.IsWindows(), NeedsShell);

        var problem = RenderWith("yes apiVersion", new DiscoveryOptions { MaxToolOutputBytes = 1024 * 1024 });

        Assert.Equal(InputProblemKind.KustomizeFailed, problem.Kind);
        Assert.Contains("wrote more than 1048576 bytes", problem.Detail);
    }
}
