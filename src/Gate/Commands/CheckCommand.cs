using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PolicyKit.Gate.Output;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Discovery;
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
        Description = "Report format: console, json, sarif, markdown, junit, openreports or policyreport. Repeatable; each may be followed by its own --output.",
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

    private static readonly Option<int> MaxFindings = new("--max-findings")
    {
        Description = $"List at most this many findings in the console report (default {ConsoleReportOptions.DefaultMaxFindings}; 0 lists all); the counts and the other reports always cover every finding.",
        DefaultValueFactory = _ => ConsoleReportOptions.DefaultMaxFindings,
    };

    private static readonly Option<bool> Quiet = new("--quiet", "-q")
    {
        Description = "Console report without the listing of findings: only the counts by rule and environment, the policy and the verdict.",
    };

    private static readonly Option<string?> PssLevel = new("--pss-level")
    {
        Description = "Pod Security level for resources whose Namespace (with pod-security.kubernetes.io labels) is not in the input: privileged, baseline or restricted. Overrides podSecurity in the policy file.",
    };

    private static readonly Option<string?> PssVersion = new("--pss-version")
    {
        Description = "Pod Security policy version to judge at: v1.N or latest (default latest). Overrides podSecurity in the policy file.",
    };

    private static readonly Option<string?> Base = new("--base")
    {
        Description = "Judge the change from this git revision (e.g. origin/main) to the head: findings are new, existing or fixed, and only new blocking ones fail. The base's policy, packs and exceptions judge.",
    };

    private static readonly Option<string?> Head = new("--head")
    {
        Description = "With --base: the head revision to judge instead of the working tree.",
    };

    private static readonly Option<string?> Baseline = new("--baseline")
    {
        Description = "Judge the working tree as a change from an earlier JSON report (policykit check --format json), for CI without git history.",
    };

    private static readonly Option<string?> PolicyFrom = new("--policy")
    {
        Description = "With --base: whose policy judges the change, base (default) or head (after its governance changes were approved).",
    };

    private static readonly Option<bool> FailOnExisting = new("--fail-on-existing")
    {
        Description = "With --base or --baseline: existing blocking findings fail the check too, as without a comparison.",
    };

    private static readonly Option<bool> NoIgnore = new("--no-ignore")
    {
        Description = "Also check files that .gitignore or .git/info/exclude leave out (policykit.yaml's exclude still applies).",
    };

    private static readonly Option<bool> AllowEmpty = new("--allow-empty")
    {
        Description = "Pass when the paths hold no Kubernetes object to check, instead of failing with exit code 2.",
    };

    private static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "List on standard error what was left out: other YAML, ignored paths, rendered overlays and charts.",
    };

    public static Command Create()
    {
        var command = new Command("check", "Check Kubernetes manifests against policy. Exit code 0: pass; 1: blocking findings; 2: usage or configuration error; 3: internal error.")
        {
            Paths, Format, Output, FailOn, Environment, Config, Category, PssLevel, PssVersion, Now, MaxFindings, Quiet, NoIgnore, AllowEmpty, Verbose, Base, Head, Baseline, PolicyFrom, FailOnExisting,
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
        var maxFindings = parse.GetValue(MaxFindings);
        if (maxFindings < 0)
        {
            throw new UsageException($"--max-findings must be 0 (list all) or a positive number; '{maxFindings}' is not");
        }

        var quiet = parse.GetValue(Quiet);

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

        var change = ParseChange(parse, paths);
        if (change.Base is not null)
        {
            var review = ChangeEvaluator.Review(new ChangeRequest(workingDirectory, paths, change.Base)
            {
                HeadRevision = parse.GetValue(Head),
                ConfigPath = parse.GetValue(Config),
                Policy = change.Policy,
                FailOnExisting = parse.GetValue(FailOnExisting),
                Environment = parse.GetValue(Environment),
                FailOn = failOn,
                Categories = categories,
                PodSecurity = podSecurity,
                Now = now,
            });
            return WriteReports(review.Head, review, targets, maxFindings, quiet);
        }

        // Reading the built-in packs is a third of a small check's work; done beside configuration, discovery and
        // evidence loading, it costs almost no wall time. The engine waits for it where it needs the catalogue.
        _ = Task.Run(() => RuleCatalog.BuiltIn);

        var config = LoadConfig(parse.GetValue(Config), paths, workingDirectory);
        if (config.Provenance is { TrustedRootPath: null })
        {
            // Likewise the embedded Sigstore trust root, read while discovery walks the inputs.
            _ = Task.Run(() => PolicyKit.Provenance.Trust.TrustedRootParser.PublicGood);
        }

        var sources = new List<ManifestSource>();
        var filePaths = paths.Where(p => p != "-").ToList();
        var discovery = DiscoverySummary.None;
        try
        {
            var discovered = RepositoryDiscovery.Discover(filePaths, config, workingDirectory, new DiscoveryOptions { RespectIgnoreFiles = !parse.GetValue(NoIgnore) });
            sources.AddRange(discovered.Sources);
            discovery = discovered.Summary;
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
            Discovery = discovery,
            Progress = new EvaluationProgress(),
        };
        EvaluationResult result;
        using (ProgressLine.Start(request.Progress, sources.Count))
        {
            result = PolicyEngine.Evaluate(request);
        }

        if (parse.GetValue(Verbose))
        {
            DiscoveryListing.Write(result, Console.Error);
        }

        if (result.ResourcesEvaluated == 0 && result.Findings.Count == 0 && !parse.GetValue(AllowEmpty))
        {
            throw new UsageException(DiscoveryListing.NothingToCheck(string.Join(" ", paths), result));
        }

        var againstBaseline = change.Baseline is { } baseline
            ? new ChangeReview(result, null, FindingComparison.Compare(result.Findings, BaselineReport.Read(baseline)), ComparisonBasis.ForBaseline(baseline), null, parse.GetValue(FailOnExisting))
            : null;
        return WriteReports(result, againstBaseline, targets, maxFindings, quiet);
    }

    private static int WriteReports(EvaluationResult result, ChangeReview? review, IReadOnlyList<ReportTarget> targets, int maxFindings, bool quiet)
    {
        foreach (var target in targets)
        {
            WriteReport(result, review, target, maxFindings, quiet);
        }

        // Inside GitHub Actions the findings also become annotations on the pull request's diff. They go to standard
        // error, where the runner reads workflow commands too, so a report on standard output stays parseable.
        if (System.Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true")
        {
            GitHubAnnotationWriter.Write(result, review, Console.Error);
        }

        return (review?.Passed ?? result.Passed) ? ExitCodes.Passed : ExitCodes.Blocked;
    }

    private static (string? Base, string? Baseline, PolicySide Policy) ParseChange(ParseResult parse, IReadOnlyList<string> paths)
    {
        var baseRevision = parse.GetValue(Base);
        var baseline = parse.GetValue(Baseline);
        if (baseRevision is not null && baseline is not null)
        {
            throw new UsageException("give either --base REF or --baseline FILE, not both");
        }

        if (baseRevision is null && parse.GetValue(Head) is not null)
        {
            throw new UsageException("--head needs --base");
        }

        if (baseRevision is null && baseline is null && parse.GetValue(FailOnExisting))
        {
            throw new UsageException("--fail-on-existing needs --base or --baseline");
        }

        var policyText = parse.GetValue(PolicyFrom);
        if (policyText is not null && baseRevision is null)
        {
            throw new UsageException("--policy needs --base");
        }

        var policy = policyText switch
        {
            null or "base" => PolicySide.Base,
            "head" => PolicySide.Head,
            _ => throw new UsageException($"--policy must be base or head; '{policyText}' is not"),
        };

        if (baseRevision is not null && paths.Contains("-"))
        {
            throw new UsageException("--base judges files of a git repository; standard input ('-') cannot be compared");
        }

        return (baseRevision, baseline, policy);
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

    private static void WriteReport(EvaluationResult result, ChangeReview? review, ReportTarget target, int maxFindings, bool quiet)
    {
        if (target.OutputPath is null)
        {
            var color = ShouldColor();
            using var standardOutput = Console.OpenStandardOutput();
            WriteReport(result, review, target.Format, standardOutput, new ConsoleReportOptions(color, color, TerminalWidth(), maxFindings, quiet));
            return;
        }

        RequireFileOutput(target.OutputPath);
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(target.OutputPath));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var file = File.Create(target.OutputPath);
            WriteReport(result, review, target.Format, file, new ConsoleReportOptions(false, false, null, maxFindings, quiet));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {target.OutputPath}: {exception.Message}");
        }
    }

    /// <summary>A folder given as <c>--output</c> would otherwise surface as a misleading "access denied".</summary>
    internal static void RequireFileOutput(string outputPath)
    {
        if (Directory.Exists(outputPath))
        {
            throw new UsageException($"--output {outputPath} is a folder; give the path of a file to write the report to");
        }
    }

    private static void WriteReport(EvaluationResult result, ChangeReview? review, ReportFormat format, Stream stream, ConsoleReportOptions console)
    {
        switch (format)
        {
            case ReportFormat.Json when review is not null:
                JsonReportWriter.Write(review, ToolInfo.Engine, stream);
                stream.WriteByte((byte)'\n');
                break;
            case ReportFormat.Json:
                JsonReportWriter.Write(result, ToolInfo.Engine, stream);
                stream.WriteByte((byte)'\n');
                break;
            case ReportFormat.Sarif when review is not null:
                SarifReportWriter.Write(review, ToolInfo.Engine, stream);
                stream.WriteByte((byte)'\n');
                break;
            case ReportFormat.Sarif:
                SarifReportWriter.Write(result, ToolInfo.Engine, stream);
                stream.WriteByte((byte)'\n');
                break;
            case ReportFormat.JUnit:
                JUnitReportWriter.Write(result, review, stream);
                stream.WriteByte((byte)'\n');
                break;
            case ReportFormat.OpenReports:
                KubernetesReportWriter.Write(result, KubernetesReportFlavor.OpenReports, stream);
                stream.WriteByte((byte)'\n');
                break;
            case ReportFormat.PolicyReport:
                KubernetesReportWriter.Write(result, KubernetesReportFlavor.PolicyReport, stream);
                stream.WriteByte((byte)'\n');
                break;
            case ReportFormat.Markdown:
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" })
                {
                    MarkdownReportWriter.Write(result, review, writer);
                }

                break;
            default:
                using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" })
                {
                    ConsoleReportWriter.Write(result, writer, console);
                    if (review is not null)
                    {
                        ChangeConsoleWriter.Write(review, writer);
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The terminal's width when standard output is one; otherwise <c>COLUMNS</c> when set, else no limit, so a redirected
    /// report keeps one finding per line for grep and editors.
    /// </summary>
    private static int? TerminalWidth()
    {
        if (int.TryParse(System.Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0)
        {
            return columns;
        }

        if (Console.IsOutputRedirected)
        {
            return null;
        }

        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// Colour (and rule links) only on a real terminal, or where FORCE_COLOR asks for it (CI logs that render ANSI); never
    /// when NO_COLOR (no-color.org) is set or TERM is dumb.
    /// </summary>
    private static bool ShouldColor()
    {
        if (!string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR")) || System.Environment.GetEnvironmentVariable("TERM") == "dumb")
        {
            return false;
        }

        var forced = System.Environment.GetEnvironmentVariable("FORCE_COLOR");
        return !string.IsNullOrEmpty(forced) && forced != "0" || !Console.IsOutputRedirected;
    }
}
