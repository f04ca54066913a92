using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyKit.Gate.Output;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Gate.Commands;

/// <summary><c>policykit check [PATH...]</c>: evaluates manifests and writes the requested reports.</summary>
internal static class CheckCommand
{
    public const string StandardInputName = "<stdin>";

    private static readonly Argument<string[]> Paths = new("path")
    {
        Description = "Files or folders to check (folders recursively: *.yaml, *.yml, *.json, and Odoo *.conf files with an [options] section); '-' reads standard input. Default: the current folder.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string[]> Format = new("--format", "-f")
    {
        Description = "Report format: console, json or sarif. Repeatable; each may be followed by its own --output.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string[]> Output = new("--output", "-o")
    {
        Description = "File for the report named by the preceding --format ('-' for standard output).",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> FailOn = new("--fail-on")
    {
        Description = "Lowest severity that fails the check: critical, high, medium, low, info or none. Overrides the policy file.",
    };

    private static readonly Option<string?> Environment = new("--env")
    {
        Description = "Judge every input as this environment of the policy file.",
    };

    private static readonly Option<string?> Config = new("--config")
    {
        Description = "Policy file to use instead of the policykit.yaml found by walking up from the first path.",
    };

    private static readonly Option<string[]> Category = new("--category")
    {
        Description = "Only run rules of this category (repeatable). Input problems are always reported.",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string?> Now = ExceptionsCommand.NowOption();

    private static readonly Option<string?> PssLevel = new("--pss-level")
    {
        Description = "Pod Security level for resources whose Namespace (with pod-security.kubernetes.io labels) is not in the input: privileged, baseline or restricted. Overrides podSecurity in the policy file.",
    };

    private static readonly Option<string?> PssVersion = new("--pss-version")
    {
        Description = "Pod Security policy version to judge at: v1.N or latest (default latest). Overrides podSecurity in the policy file.",
    };

    public static Command Create()
    {
        var command = new Command("check", "Check Kubernetes manifests against policy. Exit code 0: pass; 1: blocking findings; 2: usage or configuration error.")
        {
            Paths, Format, Output, FailOn, Environment, Config, Category, PssLevel, PssVersion, Now,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var targets = ReportTarget.FromTokens(parse.Tokens, new[] { "--format", "-f" }, new[] { "--output", "-o" });
        var failOn = ParseFailOn(parse.GetValue(FailOn));
        var podSecurity = ParsePodSecurity(parse.GetValue(PssLevel), parse.GetValue(PssVersion));
        var now = ExceptionsCommand.ParseNow(parse.GetValue(Now));
        var categories = parse.GetValue(Category) ?? Array.Empty<string>();
        foreach (var category in categories)
        {
            if (!Categories.IsKnown(category))
            {
                throw new UsageException($"unknown category '{category}'; categories are {string.Join(", ", Categories.All)}");
            }
        }

        var workingDirectory = Directory.GetCurrentDirectory();
        var paths = parse.GetValue(Paths) is { Length: > 0 } given ? given : new[] { "." };
        foreach (var path in paths)
        {
            // Unknown options land among the paths because paths take any number of values.
            if (path.Length > 1 && path[0] == '-' && !File.Exists(path) && !Directory.Exists(path))
            {
                throw new UsageException($"unknown option '{path}' (see 'policykit check --help')");
            }
        }

        var config = LoadConfig(parse.GetValue(Config), paths, workingDirectory);

        var sources = new List<ManifestSource>();
        var filePaths = paths.Where(p => p != "-").ToList();
        try
        {
            sources.AddRange(InputCollector.Collect(filePaths, config, workingDirectory));
        }
        catch (FileNotFoundException exception)
        {
            throw new UsageException(exception.Message);
        }

        if (paths.Contains("-"))
        {
            sources.Add(ManifestSource.FromBytes(StandardInputName, ReadStandardInput()));
        }

        IReadOnlyList<ManifestSource> manifests = sources;
        PolicyKit.Policies.Provenance.IImageEvidenceSource? evidence = null;
        if (config.Provenance is { } provenance)
        {
            // Bundles under provenance/ folders are evidence, not manifests; each digest is verified once, on demand.
            (manifests, evidence) = PolicyKit.Provenance.Evidence.EvidenceLoader.Split(sources, filePaths, config, provenance, workingDirectory);
        }

        var request = new EvaluationRequest(manifests, config)
        {
            Evidence = evidence,
            Environment = parse.GetValue(Environment),
            FailOn = failOn,
            Categories = categories,
            PodSecurity = podSecurity,
            Now = now,
        };
        var result = PolicyEngine.Evaluate(request);

        foreach (var target in targets)
        {
            WriteReport(result, target);
        }

        return result.Passed ? ExitCodes.Passed : ExitCodes.Blocked;
    }

    private static ThresholdOverride? ParseFailOn(string? text)
    {
        if (text is null)
        {
            return null;
        }

        return Severities.TryParseThreshold(text, out var threshold)
            ? new ThresholdOverride(threshold)
            : throw new UsageException($"--fail-on must be {Severities.ThresholdChoices}; '{text}' is not");
    }

    private static PodSecuritySettings? ParsePodSecurity(string? levelText, string? versionText)
    {
        if (levelText is null && versionText is null)
        {
            return null;
        }

        PodSecurityLevel? level = null;
        if (levelText is not null)
        {
            level = PodSecurityLevels.TryParse(levelText, out var parsed)
                ? parsed
                : throw new UsageException($"--pss-level must be {PodSecurityLevels.Choices}; '{levelText}' is not");
        }

        PodSecurityVersion? version = null;
        if (versionText is not null)
        {
            version = PodSecurityVersion.TryParse(versionText, out var parsed)
                ? parsed
                : throw new UsageException($"--pss-version must be {PodSecurityVersion.Choices}; '{versionText}' is not");
        }

        return new PodSecuritySettings(level, version);
    }

    internal static PolicyConfig LoadConfig(string? explicitPath, IReadOnlyList<string> paths, string workingDirectory)
    {
        if (explicitPath is not null)
        {
            if (!File.Exists(explicitPath))
            {
                throw new UsageException($"policy file '{explicitPath}' does not exist");
            }

            return PolicyConfigLoader.Load(explicitPath, DisplayPath(explicitPath, workingDirectory));
        }

        var start = paths.FirstOrDefault(p => p != "-" && (File.Exists(p) || Directory.Exists(p))) ?? workingDirectory;
        var discovered = PolicyConfigLoader.Discover(start);
        return discovered is null
            ? PolicyConfig.Defaults(workingDirectory)
            : PolicyConfigLoader.Load(discovered, DisplayPath(discovered, workingDirectory));
    }

    private static string DisplayPath(string path, string workingDirectory)
    {
        var full = Path.GetFullPath(path);
        return InputCollector.RelativePath(full, workingDirectory) ?? full;
    }

    private static byte[] ReadStandardInput()
    {
        using var input = Console.OpenStandardInput();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void WriteReport(EvaluationResult result, ReportTarget target)
    {
        if (target.OutputPath is null)
        {
            using var standardOutput = Console.OpenStandardOutput();
            WriteReport(result, target.Format, standardOutput, color: ShouldColor());
            return;
        }

        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(target.OutputPath));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var file = File.Create(target.OutputPath);
            WriteReport(result, target.Format, file, color: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {target.OutputPath}: {exception.Message}");
        }
    }

    private static void WriteReport(EvaluationResult result, ReportFormat format, Stream stream, bool color)
    {
        switch (format)
        {
            case ReportFormat.Json:
                JsonReportWriter.Write(result, ToolInfo.Engine, stream);
                stream.WriteByte((byte)'\n');
                break;
            case ReportFormat.Sarif:
                SarifReportWriter.Write(result, ToolInfo.Engine, stream);
                stream.WriteByte((byte)'\n');
                break;
            default:
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" })
                {
                    ConsoleReportWriter.Write(result, writer, color);
                }

                break;
        }
    }

    /// <summary>Colour only on a real terminal, and never when NO_COLOR (no-color.org) is set or TERM is dumb.</summary>
    private static bool ShouldColor() =>
        !Console.IsOutputRedirected
        && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"))
        && System.Environment.GetEnvironmentVariable("TERM") != "dumb";
}
