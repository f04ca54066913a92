using System;
using System.Collections.Generic;
using System.CommandLine.Parsing;

namespace PolicyKit.Gate.Output;

/// <summary>A report to write: its format, and the file it goes to (null for standard output).</summary>
internal sealed record ReportTarget(ReportFormat Format, string? OutputPath)
{
    /// <summary>
    /// Pairs each <c>--output</c> with the <c>--format</c> before it, in command-line order, so
    /// <c>--format json --output r.json --format sarif --output r.sarif</c> writes two files.
    /// </summary>
    public static IReadOnlyList<ReportTarget> FromTokens(IReadOnlyList<Token> tokens, IReadOnlyCollection<string> formatNames, IReadOnlyCollection<string> outputNames)
    {
        var targets = new List<(ReportFormat Format, string? Output)>();
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Type != TokenType.Option)
            {
                continue;
            }

            var value = tokens[i + 1].Value;
            if (Contains(formatNames, tokens[i].Value))
            {
                targets.Add((Parse(value), null));
            }
            else if (Contains(outputNames, tokens[i].Value))
            {
                if (targets.Count == 0 || targets[targets.Count - 1].Output is not null)
                {
                    if (targets.Count == 0)
                    {
                        // A lone --output means the default format goes to that file.
                        targets.Add((ReportFormat.Console, value));
                        continue;
                    }

                    throw new UsageException($"--output {value} follows a --format that already has an output; give each --format at most one --output");
                }

                targets[targets.Count - 1] = (targets[targets.Count - 1].Format, value);
            }
        }

        if (targets.Count == 0)
        {
            targets.Add((ReportFormat.Console, null));
        }

        var toStandardOutput = targets.FindAll(t => t.Output is null || t.Output == "-");
        if (toStandardOutput.Count > 1)
        {
            throw new UsageException("only one report can go to standard output; give the others an --output FILE");
        }

        return targets.ConvertAll(t => new ReportTarget(t.Format, t.Output == "-" ? null : t.Output));
    }

    private static ReportFormat Parse(string value) => value.ToLowerInvariant() switch
    {
        "console" => ReportFormat.Console,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        "markdown" => ReportFormat.Markdown,
        "junit" => ReportFormat.JUnit,
        "openreports" => ReportFormat.OpenReports,
        "policyreport" => ReportFormat.PolicyReport,
        _ => throw new UsageException($"unknown format '{value}'; use console, json, sarif, markdown, junit, openreports or policyreport"),
    };

    private static bool Contains(IReadOnlyCollection<string> names, string value)
    {
        foreach (var name in names)
        {
            if (string.Equals(name, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
