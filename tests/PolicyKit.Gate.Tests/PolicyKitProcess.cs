using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using Xunit.Sdk;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// Runs the real gate as a separate process (<c>dotnet policykit.dll ARGS</c>), the way a CI job runs it: with its own
/// working directory, environment and standard input, and with standard output redirected (so the console report is plain).
/// Setting <c>POLICYKIT_GATE_EXECUTABLE</c> to a published gate (e.g. the Native AOT <c>policykit</c>) runs the whole
/// suite against that executable instead.
/// </summary>
internal static class PolicyKitProcess
{
    /// <summary>The variable that names a gate executable to test instead of the built <c>policykit.dll</c>.</summary>
    public const string ExecutableVariable = "POLICYKIT_GATE_EXECUTABLE";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<string> GatePath = new(() =>
    {
        var recorded = typeof(PolicyKitProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "PolicyKitGatePath")?.Value;
        if (string.IsNullOrEmpty(recorded) || !File.Exists(recorded))
        {
            throw new InvalidOperationException($"policykit.dll not found at '{recorded}'; build src/Gate (the test project's build does it).");
        }

        return recorded;
    });

    private static readonly Lazy<string> DotnetHost = new(() =>
    {
        // The dotnet CLI exports its own path to the processes it starts; otherwise the test host may itself be dotnet.
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return current;
        }

        return "dotnet";
    });

    /// <summary>Variables that change the gate's output; tests start from none of them and set what they need.</summary>
    private static readonly string[] NeutralisedVariables = { "NO_COLOR", "POLICYKIT_DEBUG", "TERM" };

    /// <summary>Runs <c>policykit ARGS</c> in <paramref name="workingDirectory"/> and waits for it to exit.</summary>
    /// <param name="standardInput">Bytes piped to the gate; without them its standard input is empty (closed at once).</param>
    /// <param name="environment">Variables to set (or, with a null value, to remove) for the gate only.</param>
    public static PolicyKitResult Run(
        IEnumerable<string> arguments,
        string workingDirectory,
        byte[]? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null) =>
        Run(Environment.GetEnvironmentVariable(ExecutableVariable) is { Length: > 0 } executable ? executable : null, arguments, workingDirectory, standardInput, environment, timeout);

    /// <summary>Runs <c>policykit ARGS</c> with <paramref name="executable"/>, or the built <c>policykit.dll</c> when null.</summary>
    public static PolicyKitResult Run(
        string? executable,
        IEnumerable<string> arguments,
        string workingDirectory,
        byte[]? standardInput = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        if (executable is not null && !File.Exists(executable))
        {
            throw new InvalidOperationException($"{ExecutableVariable} names '{executable}', which does not exist.");
        }

        var startInfo = new ProcessStartInfo(executable ?? DotnetHost.Value)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        if (executable is null)
        {
            startInfo.ArgumentList.Add(GatePath.Value);
        }

        var argumentList = arguments.ToList();
        foreach (var argument in argumentList)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in NeutralisedVariables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("the gate process did not start");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        try
        {
            if (standardInput is not null)
            {
                process.StandardInput.BaseStream.Write(standardInput, 0, standardInput.Length);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The gate exited without reading all of its input; its exit code and output tell the rest.
        }

        var limit = timeout ?? DefaultTimeout;
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new XunitException($"policykit {string.Join(" ", argumentList)} did not finish within {limit.TotalSeconds} s.\nstderr:\n{Completed(standardError)}");
        }

        // WaitForExit without a timeout also waits for the redirected streams to reach their end.
        process.WaitForExit();
        return new PolicyKitResult(argumentList, process.ExitCode, standardOutput.Result, standardError.Result);
    }

    public static PolicyKitResult Run(string workingDirectory, params string[] arguments) => Run(arguments, workingDirectory);

    private static string Completed(Task<string> task) => task.Wait(TimeSpan.FromSeconds(5)) ? task.Result : "<unavailable>";
}

/// <summary>What one run of the gate did.</summary>
internal sealed record PolicyKitResult(IReadOnlyList<string> Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Shown when an assertion about the run fails, so the failure explains itself.</summary>
    public override string ToString() =>
        $"policykit {string.Join(" ", Arguments)}\nexit code {ExitCode}\n--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";
}
