using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Build;

/// <summary>
/// Judges a project's manifests with the PolicyKit engine and reports each finding as an MSBuild diagnostic. A thin
/// door: it only turns items and properties into an <see cref="EvaluationRequest"/> and findings into log entries;
/// discovery, policy, exceptions and reports are the engine's, exactly as for <c>policykit check</c>.
/// </summary>
public sealed class PolicyKitCheck : Task
{
    /// <summary>The folder paths are resolved from and shown relative to (the project folder).</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>Files, and folders walked as <c>policykit check</c> walks them (<c>PolicyKitManifest</c> items).</summary>
    public ITaskItem[] Manifests { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Folders never read, whatever the manifests name (the project's bin/ and obj/).</summary>
    public ITaskItem[] ExcludedDirectories { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The policy file; empty means <c>policykit.yaml</c> found walking up from the project folder.</summary>
    public string? Config { get; set; }

    /// <summary>Judge every input as this environment of the policy file.</summary>
    public string? Environment { get; set; }

    /// <summary>Replaces every environment's threshold: critical, high, medium, low, info or none.</summary>
    public string? FailOn { get; set; }

    /// <summary><c>json</c>, <c>sarif</c>, both (<c>json;sarif</c>) or <c>none</c>.</summary>
    public string? ReportFormats { get; set; }

    /// <summary>Where reports go (the intermediate folder by default).</summary>
    public string? ReportDirectory { get; set; }

    /// <summary>Reports are named <c>{ReportName}.json</c> and <c>{ReportName}.sarif</c>.</summary>
    public string ReportName { get; set; } = "policykit";

    /// <summary>Where to record the policy's own inputs (policy file, exceptions, rule paths) for the next incremental build.</summary>
    public string? PolicyInputsFile { get; set; }

    /// <summary>Where to keep this run's warnings, replayed while the check is up to date.</summary>
    public string? WarningsFile { get; set; }

    /// <summary>The project's <c>NoWarn</c>: rule codes whose warnings become low-importance messages.</summary>
    public string? NoWarn { get; set; }

    /// <summary>The project's <c>TreatWarningsAsErrors</c>.</summary>
    public bool TreatWarningsAsErrors { get; set; }

    /// <summary>The project's <c>WarningsAsErrors</c>.</summary>
    public string? WarningsAsErrors { get; set; }

    /// <summary>The project's <c>WarningsNotAsErrors</c>.</summary>
    public string? WarningsNotAsErrors { get; set; }

    /// <summary>Set when the check ran (not when its target was skipped as up to date).</summary>
    [Output]
    public bool Judged { get; private set; }

    /// <summary>The reports written, for <c>FileWrites</c>.</summary>
    [Output]
    public ITaskItem[] Reports { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        Judged = true;
        var elapsed = System.Diagnostics.Stopwatch.StartNew();
        var failed = false;
        try
        {
            failed = !Run(elapsed);
        }
        catch (PolicyDefinitionException exception)
        {
            Log.LogError(null, BuildErrorCodes.InvalidPolicy, null, null, exception.File, exception.Line, 0, 0, 0, exception.Problem);
        }
        catch (Exception exception)
        {
            // A defect of ours: one located line instead of MSBuild's MSB4018 with a stack trace.
            Log.LogError(null, BuildErrorCodes.InternalError, null, null, null, 0, 0, 0, 0,
                $"PolicyKit internal error ({exception.GetType().Name}: {exception.Message}); please report it");
        }

        return !failed && !Log.HasLoggedErrors;
    }

    /// <summary>Runs the check; false when a finding fails the build.</summary>
    private bool Run(System.Diagnostics.Stopwatch elapsed)
    {
        if (!TryReadSettings(out var failOn, out var formats))
        {
            return false;
        }

        var projectDirectory = Path.GetFullPath(ProjectDirectory);
        var policyFile = string.IsNullOrWhiteSpace(Config)
            ? PolicyConfigLoader.Discover(projectDirectory)
            : Path.GetFullPath(Path.Combine(projectDirectory, Config!));
        if (policyFile is not null && !File.Exists(policyFile))
        {
            Log.LogError(null, BuildErrorCodes.InvalidProperty, null, null, null, 0, 0, 0, 0, $"PolicyKitConfig names '{Config}', which does not exist");
            return false;
        }

        var config = policyFile is null
            ? PolicyConfig.Defaults(projectDirectory)
            : PolicyConfigLoader.Load(policyFile, DisplayPath(policyFile, projectDirectory));
        if (!string.IsNullOrEmpty(PolicyInputsFile))
        {
            Build.PolicyInputsFile.Write(PolicyInputsFile!, policyFile, config);
        }

        var sources = CollectSources(config, projectDirectory);
        if (sources is null)
        {
            return false;
        }

        var result = PolicyEngine.Evaluate(new EvaluationRequest(sources, config)
        {
            Environment = string.IsNullOrWhiteSpace(Environment) ? null : Environment,
            FailOn = failOn,
        });

        var findingLog = new FindingLog(Log, BuildEngine, new WarningSettings(NoWarn, TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors));
        foreach (var finding in result.Findings)
        {
            findingLog.Write(finding);
        }

        if (!string.IsNullOrEmpty(WarningsFile))
        {
            RecordedWarning.WriteAll(WarningsFile!, findingLog.Warnings);
        }

        WriteReports(result, formats, projectDirectory);
        Log.LogMessage(MessageImportance.Normal, $"{CheckSummary.Format(result)} · {elapsed.ElapsedMilliseconds} ms");
        return !findingLog.Failed;
    }

    private bool TryReadSettings(out ThresholdOverride? failOn, out IReadOnlyList<string> formats)
    {
        failOn = null;
        if (!string.IsNullOrWhiteSpace(FailOn))
        {
            if (!Severities.TryParseThreshold(FailOn!.Trim(), out var threshold))
            {
                Log.LogError(null, BuildErrorCodes.InvalidProperty, null, null, null, 0, 0, 0, 0,
                    $"PolicyKitFailOn must be {Severities.ThresholdChoices}; '{FailOn}' is not");
            }
            else
            {
                failOn = new ThresholdOverride(threshold);
            }
        }

        if (!ReportFiles.TryParseFormats(ReportFormats, out formats, out var unknown))
        {
            Log.LogError(null, BuildErrorCodes.InvalidProperty, null, null, null, 0, 0, 0, 0,
                $"PolicyKitReportFormats lists '{unknown}'; use json, sarif, both separated by ';', or none");
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The engine's own discovery over the manifest items, minus the project's build output; null after an error.</summary>
    private IReadOnlyList<ManifestSource>? CollectSources(PolicyConfig config, string projectDirectory)
    {
        var paths = new List<string>();
        foreach (var item in Manifests)
        {
            var full = Path.GetFullPath(Path.Combine(projectDirectory, item.ItemSpec));
            if (!File.Exists(full) && !Directory.Exists(full))
            {
                Log.LogError(null, BuildErrorCodes.MissingInput, null, null, null, 0, 0, 0, 0,
                    $"PolicyKitManifest '{item.ItemSpec}' does not exist");
                continue;
            }

            paths.Add(full);
        }

        if (Log.HasLoggedErrors)
        {
            return null;
        }

        var excluded = ExcludedDirectories
            .Select(d => Path.GetFullPath(Path.Combine(projectDirectory, d.ItemSpec)).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar)
            .ToList();
        return InputCollector.Collect(paths, config, projectDirectory)
            .Where(s => s.FullPath is null || !excluded.Any(d => s.FullPath.StartsWith(d, StringComparison.Ordinal)))
            .ToList();
    }

    private void WriteReports(EvaluationResult result, IReadOnlyList<string> formats, string projectDirectory)
    {
        var directory = Path.GetFullPath(Path.Combine(projectDirectory, string.IsNullOrWhiteSpace(ReportDirectory) ? "." : ReportDirectory!));
        var written = new List<ITaskItem>();
        foreach (var format in formats)
        {
            try
            {
                written.Add(new TaskItem(ReportFiles.Write(result, format, directory, ReportName)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Log.LogError(null, BuildErrorCodes.ReportNotWritten, null, null, null, 0, 0, 0, 0,
                    $"cannot write the {format} report to {directory}: {exception.Message}");
            }
        }

        Reports = written.ToArray();
    }

    private static string DisplayPath(string fullPath, string projectDirectory) =>
        InputCollector.RelativePath(fullPath, projectDirectory) ?? fullPath.Replace('\\', '/');
}
