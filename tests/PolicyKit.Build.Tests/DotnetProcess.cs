using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Xunit.Sdk;

namespace PolicyKit.Build.Tests;

/// <summary>
/// Runs the real <c>dotnet</c> CLI. Builds leave nothing running behind them (no reused MSBuild nodes, no compiler
/// server), and MSBuild settings of the process running the tests do not leak into the builds under test.
/// </summary>
internal static class DotnetProcess
{
    // A guard against a hung build, not a speed target: on a 2-core machine shared with other builds a pack can take minutes.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(12);

    public static DotnetResult Run(string workingDirectory, string packagesDirectory, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host runs inside MSBuild-aware tooling; its MSBuild variables would point builds at the wrong SDK.
        foreach (var name in startInfo.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["NUGET_PACKAGES"] = packagesDirectory;
        startInfo.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        startInfo.Environment["UseSharedCompilation"] = "false";
        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        startInfo.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        startInfo.Environment["NUGET_XMLDOC_MODE"] = "skip";

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new XunitException($"dotnet {string.Join(" ", arguments)} did not finish within {Timeout.TotalMinutes} minutes.\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new DotnetResult(arguments, process.ExitCode, output.ToString());
        }

        void Append(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.Append(line).Append('\n');
                }
            }
        }
    }
}
