using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PolicyKit.Build.Tests;

/// <summary>What one <c>dotnet</c> command did; shown whole when an assertion about it fails.</summary>
internal sealed record DotnetResult(IReadOnlyList<string> Arguments, int ExitCode, string Output)
{
    public IEnumerable<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r'));

    /// <summary>Lines of the build log that are PolicyKit diagnostics with the given severity word (error, warning).</summary>
    public IReadOnlyList<string> Diagnostics(string severity, string code) =>
        Lines.Select(l => Regex.Replace(l, @"^\s*\d+>", string.Empty).Trim())
            .Where(l => l.Contains($": {severity} {code}:"))
            .Distinct()
            .ToList();

    public override string ToString() => $"dotnet {string.Join(" ", Arguments)}\nexit code {ExitCode}\n{Output}";
}
