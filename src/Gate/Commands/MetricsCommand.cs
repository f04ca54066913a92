using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Text;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Git;
using PolicyKit.Policies.Metrics;
using PolicyKit.Policies.Reports.Metrics;

namespace PolicyKit.Gate.Commands;

/// <summary><c>policykit metrics [REPO]</c>: governance metrics across the releases of a deployment repository.</summary>
internal static class MetricsCommand
{
    private static readonly string[] Formats = { "json", "openmetrics", "markdown", "html", "csv" };

    private static readonly Argument<string?> Repository = new("repo")
    {
        Description = "The deployment repository (a folder inside it); its top level holds policykit.yaml. Default: the current folder.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<string?> Releases = new("--releases")
    {
        Description = "How releases are found: tags[:PATTERN,...] (default tags: v* and release-*) or merges[:BRANCH] (first-parent merges to BRANCH, default main, touching an environment's paths).",
    };

    private static readonly Option<string?> Since = new("--since") { Description = "Leave out releases before this UTC date or instant." };

    private static readonly Option<string?> Until = new("--until") { Description = "Leave out releases after this UTC date or instant; open exposure windows are measured up to it." };

    private static readonly Option<string[]> Environment = new("--env")
    {
        Description = "Only count this environment of the policy (repeatable); 'default' names paths no environment claims.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> Vulnerabilities = new("--vulnerabilities") { Description = "Folder of Trivy and Grype JSON image reports (one per scan of an image digest)." };

    private static readonly Option<string?> GateReports = new("--gate-reports") { Description = "Folder of policykit check JSON reports kept by CI; their failures are counted." };

    private static readonly Option<string[]> Format = new("--format", "-f")
    {
        Description = "json, openmetrics, markdown, html or csv (default markdown). Repeatable; each may be followed by its own --output.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string[]> Output = new("--output", "-o")
    {
        Description = "File for the report named by the preceding --format ('-' for standard output). Written to a temporary file and renamed.",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Command Create()
    {
        var command = new Command("metrics", "Governance metrics across releases: violations, failed checks, secrets rotation, vulnerability exposure, audit trail, exceptions, provenance and DORA. Exit code 0: written; 2: usage, configuration or repository error.")
        {
            Repository, Releases, Since, Until, Environment, Vulnerabilities, GateReports, Format, Output,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var targets = Targets(parse.Tokens);
        ReleaseSelection selection;
        try
        {
            selection = parse.GetValue(Releases) is { } text ? ReleaseSelection.Parse(text) : ReleaseSelection.DefaultTags;
        }
        catch (FormatException exception)
        {
            throw new UsageException(exception.Message);
        }

        var repository = parse.GetValue(Repository) ?? ".";
        var request = new MetricsRequest(Path.GetFullPath(repository), selection)
        {
            Since = Instant(parse.GetValue(Since), "--since"),
            Until = Instant(parse.GetValue(Until), "--until"),
            Environments = parse.GetValue(Environment) ?? Array.Empty<string>(),
            VulnerabilityReports = Folder(parse.GetValue(Vulnerabilities), "--vulnerabilities"),
            GateReports = Folder(parse.GetValue(GateReports), "--gate-reports"),

            // As `check` does: bundles under the release's provenance/ folders are evidence, verified against its own policy's root and keys.
            Evidence = (sources, config, root) => PolicyKit.Provenance.Evidence.EvidenceLoader.Split(sources, new[] { root }, config, config.Provenance!, root),
        };

        MetricsReport report;
        try
        {
            report = MetricsBuilder.Build(request, repository.Replace('\\', '/'));
        }
        catch (GitReadException exception)
        {
            throw new UsageException(exception.Message);
        }

        foreach (var (format, output) in targets)
        {
            Write(report, format, output);
        }

        return ExitCodes.Passed;
    }

    private static void Write(MetricsReport report, string format, string? output)
    {
        if (output is not null && format == "openmetrics")
        {
            Guard(output, () => OpenMetricsWriter.WriteAtomically(report, output));
            return;
        }

        string text;
        if (format == "json")
        {
            using var buffer = new MemoryStream();
            MetricsJsonWriter.Write(report, buffer);
            text = Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
        }
        else
        {
            text = format switch
            {
                "openmetrics" => OpenMetricsWriter.Write(report),
                "html" => MetricsHtmlWriter.Write(report),
                "csv" => MetricsCsvWriter.Write(report),
                _ => MetricsMarkdownWriter.Write(report),
            };
        }

        if (output is null)
        {
            Console.Out.Write(text);
            return;
        }

        Guard(output, () =>
        {
            var full = Path.GetFullPath(output);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllText(temporary, text, new UTF8Encoding(false));
            File.Move(temporary, full, overwrite: true);
        });
    }

    private static void Guard(string output, Action write)
    {
        try
        {
            write();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {output}: {exception.Message}");
        }
    }

    /// <summary>Pairs each <c>--output</c> with the <c>--format</c> before it, in command-line order.</summary>
    private static IReadOnlyList<(string Format, string? Output)> Targets(IReadOnlyList<Token> tokens)
    {
        var targets = new List<(string Format, string? Output)>();
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (tokens[i].Type != TokenType.Option)
            {
                continue;
            }

            var value = tokens[i + 1].Value;
            if (tokens[i].Value is "--format" or "-f")
            {
                var format = value.ToLowerInvariant();
                if (Array.IndexOf(Formats, format) < 0)
                {
                    throw new UsageException($"unknown format '{value}'; use {string.Join(", ", Formats)}");
                }

                targets.Add((format, null));
            }
            else if (tokens[i].Value is "--output" or "-o")
            {
                if (targets.Count == 0)
                {
                    targets.Add(("markdown", value));
                }
                else if (targets[^1].Output is not null)
                {
                    throw new UsageException($"--output {value} follows a --format that already has an output; give each --format at most one --output");
                }
                else
                {
                    targets[^1] = (targets[^1].Format, value);
                }
            }
        }

        if (targets.Count == 0)
        {
            targets.Add(("markdown", null));
        }

        targets = targets.ConvertAll(t => (t.Format, t.Output == "-" ? null : t.Output));
        if (targets.FindAll(t => t.Output is null).Count > 1)
        {
            throw new UsageException("only one report can go to standard output; give the others an --output FILE");
        }

        return targets;
    }

    private static DateTimeOffset? Instant(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return UtcDates.TryParseInstant(text, out var instant)
            ? instant
            : throw new UsageException($"{option} must be a UTC date or instant such as 2026-11-28 or 2026-11-28T00:00:00Z; '{text}' is not");
    }

    private static string? Folder(string? path, string option)
    {
        if (path is null)
        {
            return null;
        }

        return Directory.Exists(path) ? Path.GetFullPath(path) : throw new UsageException($"{option} folder '{path}' does not exist");
    }
}
