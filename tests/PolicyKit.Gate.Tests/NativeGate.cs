using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// Builds the gate's tool packages the way a release does and installs them the way users do, once per test run (the
/// Native AOT compile takes minutes): <c>dotnet pack</c> (the top-level package), <c>dotnet pack -r linux-x64</c> (the
/// native package) and <c>dotnet pack -r any</c> (the framework-dependent fallback) into a local feed, then
/// <c>dotnet tool install</c> of <c>PolicyKit.Gate</c> (which picks the native package here) and of
/// <c>PolicyKit.Gate.any</c>. Shared by every test of <see cref="NativeGateTests"/>.
/// </summary>
public sealed class NativeGate : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "policykit-native-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<(string Native, string Fallback)> installed;

    public NativeGate()
    {
        installed = new Lazy<(string, string)>(PackAndInstall);
    }

    /// <summary>The native <c>policykit</c> that <c>dotnet tool install PolicyKit.Gate</c> installs on linux-x64.</summary>
    public string Executable => installed.Value.Native;

    /// <summary>The <c>policykit</c> of the framework-dependent <c>any</c> package, for platforms without a native one.</summary>
    public string FallbackExecutable => installed.Value.Fallback;

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private (string Native, string Fallback) PackAndInstall()
    {
        var feed = Path.Combine(directory, "feed");
        Directory.CreateDirectory(feed);
        const string project = "src/Gate/PolicyKit.Gate.csproj";
        Dotnet(RepositoryPaths.Root, "pack", project, "-o", feed);
        Dotnet(RepositoryPaths.Root, "pack", project, "-r", "linux-x64", "-o", feed);
        Dotnet(RepositoryPaths.Root, "pack", project, "-r", "any", "-o", feed);

        // Only the local feed: the test must not reach (or be fooled by) a public registry.
        var config = Path.Combine(directory, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var nativePath = Path.Combine(directory, "native");
        var fallbackPath = Path.Combine(directory, "any");
        Dotnet(directory, "tool", "install", "--tool-path", nativePath, "PolicyKit.Gate", "--configfile", config);
        Dotnet(directory, "tool", "install", "--tool-path", fallbackPath, "PolicyKit.Gate.any", "--configfile", config);
        return (Path.Combine(nativePath, "policykit"), Path.Combine(fallbackPath, "policykit"));
    }

    private static void Dotnet(string workingDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"dotnet {string.Join(" ", arguments)} did not finish within 15 minutes");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(" ", arguments)} failed (exit {process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }
}
