using System;
using System.Diagnostics;

namespace PolicyKit.Gate.Tests.Metrics;

/// <summary>Whether git and bash, which the metrics demo history needs, can run here.</summary>
internal static class DemoTools
{
    private static readonly Lazy<string?> MissingValue = new(() =>
    {
        foreach (var tool in new[] { "git", "bash" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(tool, "--version") { RedirectStandardOutput = true, RedirectStandardError = true })!;
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    return tool;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return tool;
            }
        }

        return null;
    });

    /// <summary>The first tool missing, or null.</summary>
    public static string? Missing => MissingValue.Value;
}

/// <summary>A fact over the demo history: skipped, with the reason, where git or bash is missing.</summary>
internal sealed class DemoFactAttribute : FactAttribute
{
    public DemoFactAttribute()
    {
        if (DemoTools.Missing is { } tool)
        {
            Skip = $"{tool} is not installed; the metrics demo history is built with bash and git";
        }
    }
}

/// <summary>A theory over the demo history: skipped, with the reason, where git or bash is missing.</summary>
internal sealed class DemoTheoryAttribute : TheoryAttribute
{
    public DemoTheoryAttribute()
    {
        if (DemoTools.Missing is { } tool)
        {
            Skip = $"{tool} is not installed; the metrics demo history is built with bash and git";
        }
    }
}
