using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Xunit.Sdk;

namespace PolicyKit.Gate.Tests;

/// <summary>Assertions about a gate run whose failure messages show the whole run (arguments, exit code, output).</summary>
internal static class GateAssert
{
    public static void ExitCode(int expected, PolicyKitResult result)
    {
        if (result.ExitCode != expected)
        {
            throw new XunitException($"expected exit code {expected}, got {result.ExitCode}\n{result}");
        }
    }

    /// <summary>No .NET stack trace reaches the user, on either stream.</summary>
    public static void NoStackTrace(PolicyKitResult result)
    {
        if (result.StandardError.Contains("   at ") || result.StandardOutput.Contains("   at ") || result.StandardError.Contains("Unhandled exception"))
        {
            throw new XunitException($"a stack trace reached the user\n{result}");
        }
    }

    /// <summary>
    /// Exit code 2, nothing judged (nothing on standard output), and exactly one line on standard error that gives the
    /// reason and mentions <paramref name="mentioning"/>.
    /// </summary>
    public static void UsageError(PolicyKitResult result, string mentioning)
    {
        ExitCode(2, result);
        NoStackTrace(result);
        var lines = result.StandardError.TrimEnd('\n', '\r').Split('\n');
        if (lines.Length != 1 || lines[0].Length == 0)
        {
            throw new XunitException($"expected exactly one line on standard error, got {lines.Length}\n{result}");
        }

        if (!lines[0].StartsWith("policykit: ", System.StringComparison.Ordinal) || !lines[0].Contains(mentioning))
        {
            throw new XunitException($"expected 'policykit: <reason>' mentioning '{mentioning}'\n{result}");
        }

        if (result.StandardOutput.Length != 0)
        {
            throw new XunitException($"a usage error judges nothing, so nothing should reach standard output\n{result}");
        }
    }

    /// <summary>The one finding of <paramref name="ruleId"/> in <paramref name="file"/>; fails when there is none or several.</summary>
    public static JsonElement SingleFinding(PolicyKitResult result, string ruleId, string file)
    {
        var matches = JsonReport.Findings(result.StandardOutput)
            .Where(f => f.GetProperty("ruleId").GetString() == ruleId && JsonReport.File(f) == file)
            .ToList();
        if (matches.Count != 1)
        {
            throw new XunitException($"expected one {ruleId} finding in {file}, found {matches.Count}\n{result}");
        }

        return matches[0];
    }

    /// <summary>The lines of <paramref name="file"/> that <paramref name="ruleId"/> reports, in report order.</summary>
    public static IReadOnlyList<int> LinesOf(PolicyKitResult result, string ruleId, string file) =>
        JsonReport.Findings(result.StandardOutput)
            .Where(f => f.GetProperty("ruleId").GetString() == ruleId && JsonReport.File(f) == file)
            .Select(JsonReport.Line)
            .ToList();
}
