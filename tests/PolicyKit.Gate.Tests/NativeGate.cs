using System;
using System.Diagnostics;
using System.IO;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// Publishes the Native AOT gate once per test run (it takes minutes), the way users get it: <c>dotnet publish
/// src/Gate -c Release -r linux-x64</c>. Shared by every test of <see cref="NativeGateTests"/>.
/// </summary>
public sealed class NativeGate : IDisposable
{
    private readonly Lazy<string> executable;
    private readonly string directory = Path.Combine(Path.GetTempPath(), "policykit-native-" + Guid.NewGuid().ToString("N"));

    public NativeGate()
    {
        executable = new Lazy<string>(Publish);
    }

    /// <summary>The published native <c>policykit</c>; publishes it on first use.</summary>
    public string Executable => executable.Value;

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private string Publish()
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "publish", "src/Gate/PolicyKit.Gate.csproj", "-c", "Release", "-r", "linux-x64", "-o", directory, "-nologo" })
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet publish did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException("dotnet publish of the native gate did not finish within 15 minutes");
        }

        process.WaitForExit();
        var published = Path.Combine(directory, "policykit");
        if (process.ExitCode != 0 || !File.Exists(published))
        {
            throw new InvalidOperationException($"dotnet publish of the native gate failed (exit {process.ExitCode}):\n{output.Result}\n{error.Result}");
        }

        // A native executable, not the apphost of a framework-dependent build.
        Assert.False(File.Exists(Path.Combine(directory, "policykit.dll")), "the publish produced policykit.dll: it is not the native gate");
        return published;
    }
}
