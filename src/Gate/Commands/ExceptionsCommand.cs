using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports;
using PolicyKit.Policies.Reports.Exceptions;

namespace PolicyKit.Gate.Commands;

/// <summary>
/// <c>policykit exceptions report [PATH...]</c>: evaluates the manifests exactly as <c>check</c> does and writes the
/// exception register (Markdown, CSV, JSON or HTML) with each record's status, the findings it waives and, when git can
/// tell, who added and who last changed its file.
/// </summary>
internal static class ExceptionsCommand
{
    private static readonly Argument<string[]> Paths = new("path")
    {
        Description = "Files or folders whose findings the exceptions are matched against (as for check). Default: the current folder.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string?> Format = new("--format", "-f")
    {
        Description = "Register format: markdown (default), csv, json or html.",
    };

    private static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "File to write the register to; default: standard output.",
    };

    private static readonly Option<string?> Now = NowOption();

    private static readonly Option<string?> Config = new("--config")
    {
        Description = "Policy file to use instead of the policykit.yaml found by walking up from the first path.",
    };

    private static readonly Option<string?> Environment = new("--env")
    {
        Description = "Judge every input as this environment of the policy file.",
    };

    private static readonly Option<bool> NoGit = new("--no-git")
    {
        Description = "Do not read the exception files' history from git (the register says so).",
    };

    public static Command Create()
    {
        var report = new Command("report", "Write the exception register: every exception record with its status (active, expiring, expired, invalid, unused), the findings it waives, a summary and its git history. Exit code 0 when written; 2: usage or configuration error.")
        {
            Paths, Format, Output, Now, Config, Environment, NoGit,
        };
        report.SetAction(Report);
        return new Command("exceptions", "Work with exception records (the exceptions/ folder beside policykit.yaml).") { report };
    }

    /// <summary>The <c>--now</c> option <c>check</c> and <c>exceptions report</c> share.</summary>
    internal static Option<string?> NowOption() => new("--now")
    {
        Description = "Judge exception expiry and age, and secret rotation age, as of this instant instead of the clock: 2026-11-28 (midnight UTC) or 2026-11-28T00:00:00Z.",
    };

    /// <summary>Reads <c>--now</c>; null when it was not given.</summary>
    internal static DateTimeOffset? ParseNow(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return UtcDates.TryParseInstant(text, out var instant)
            ? instant
            : throw new UsageException($"--now must be a UTC date or instant such as 2026-11-28 or 2026-11-28T00:00:00Z (with Z or an offset); '{text}' is not");
    }

    private static int Report(ParseResult parse)
    {
        var formatText = parse.GetValue(Format);
        var format = ExceptionReportFormat.Markdown;
        if (formatText is not null && !ExceptionReportFormats.TryParse(formatText, out format))
        {
            throw new UsageException($"unknown format '{formatText}'; use {ExceptionReportFormats.Choices}");
        }

        var now = ParseNow(parse.GetValue(Now));
        var workingDirectory = Directory.GetCurrentDirectory();
        var paths = parse.GetValue(Paths) is { Length: > 0 } given ? given : new[] { "." };
        foreach (var path in paths)
        {
            if (path.Length > 0 && path[0] == '-' && !File.Exists(path) && !Directory.Exists(path))
            {
                throw new UsageException($"unknown option '{path}' (see 'policykit exceptions report --help')");
            }

            // Said before looking for a policy file, as check says it, rather than blaming a missing policykit.yaml.
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                throw new UsageException($"path '{path}' does not exist");
            }
        }

        var config = CheckCommand.LoadConfig(parse.GetValue(Config), paths, workingDirectory);
        if (config.IsBuiltInDefault)
        {
            throw new UsageException($"no {Policies.Configuration.PolicyConfig.FileName} found for {paths[0]}; exception records live in the folder named by its exceptions.path (default: exceptions/ beside it). Give the policy file with --config");
        }

        IReadOnlyList<ManifestSource> sources;
        try
        {
            sources = InputCollector.Collect(paths, config, workingDirectory);
        }
        catch (FileNotFoundException exception)
        {
            throw new UsageException(exception.Message);
        }

        var result = PolicyEngine.Evaluate(new EvaluationRequest(sources, config)
        {
            Environment = parse.GetValue(Environment),
            Now = now,
        });
        var register = ExceptionRegister.From(result, AuditTrailOf(result, parse.GetValue(NoGit)));
        Write(register, format, parse.GetValue(Output));
        return ExitCodes.Passed;
    }

    private static AuditTrail AuditTrailOf(EvaluationResult result, bool noGit)
    {
        var review = result.Exceptions;
        if (noGit)
        {
            return AuditTrail.NotRequested;
        }

        return review.DirectoryFullPath is { } directory && review.DirectoryExists
            ? GitAuditTrail.Read(directory, review.Files, GitAuditTrail.DefaultTimeout)
            : AuditTrail.Unavailable("git not consulted: there is no exceptions folder");
    }

    private static void Write(ExceptionRegister register, ExceptionReportFormat format, string? outputPath)
    {
        if (outputPath is null || outputPath == "-")
        {
            using var standardOutput = Console.OpenStandardOutput();
            ExceptionReportWriter.Write(register, format, ToolInfo.Engine, standardOutput);
            return;
        }

        CheckCommand.RequireFileOutput(outputPath);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(outputPath));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var file = File.Create(outputPath);
            ExceptionReportWriter.Write(register, format, ToolInfo.Engine, file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {outputPath}: {exception.Message}");
        }
    }
}
