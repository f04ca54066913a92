using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Build;

/// <summary>
/// Turns findings into MSBuild diagnostics, the way a compiler reports: <c>file(line,col): error PK1008: …</c> with the
/// rule id as code and help keyword and the rule's page as help link, so IDEs make them clickable and NoWarn,
/// WarningsAsErrors and -warnaserror apply to the codes.
/// </summary>
internal sealed class FindingLog
{
    private readonly TaskLoggingHelper log;
    private readonly IBuildEngine buildEngine;
    private readonly WarningSettings settings;
    private readonly List<RecordedWarning> warnings = new();

    public FindingLog(TaskLoggingHelper log, IBuildEngine buildEngine, WarningSettings settings)
    {
        this.log = log;
        this.buildEngine = buildEngine;
        this.settings = settings;
    }

    /// <summary>Whether a logged finding fails the build (an error, or a warning the build turns into one).</summary>
    public bool Failed { get; private set; }

    /// <summary>The warnings logged, to replay when the next build finds the check up to date.</summary>
    public IReadOnlyList<RecordedWarning> Warnings => warnings;

    public void Write(Finding finding)
    {
        var code = finding.RuleId;
        var helpLink = finding.Rule.HelpUri.Length == 0 ? null : finding.Rule.HelpUri;
        if (finding.Suppression is { } suppression)
        {
            // Waived findings stay visible (detailed verbosity, binary logs) and name the record that waives them.
            Message(finding, MessageImportance.Low, $"{finding.Message} (suppressed by {suppression.ExceptionId}, expires {suppression.Expires:yyyy-MM-dd})");
        }
        else if (finding.Blocking)
        {
            Error(finding, helpLink);
        }
        else if (finding.Severity == Severity.Info)
        {
            Message(finding, MessageImportance.Normal, finding.Message);
        }
        else if (settings.IsSilenced(code))
        {
            // As for the compiler, NoWarn wins over WarningsAsErrors; a blocking finding is an error whatever NoWarn says.
            Message(finding, MessageImportance.Low, $"{finding.Message} (NoWarn)");
        }
        else if (settings.IsError(code))
        {
            Error(finding, helpLink);
        }
        else
        {
            log.LogWarning(null, code, code, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
            warnings.Add(new RecordedWarning(code, helpLink, finding.File, finding.Line, finding.Column, finding.Message));

            // -warnaserror:PK1005 and MSBuildWarningsAsErrors turn the warning into an error after it leaves the task;
            // the task must fail too, or the target would write its stamp over a failed check.
            Failed |= buildEngine is IBuildEngine8 engine && engine.ShouldTreatWarningAsError(code);
        }
    }

    private void Error(Finding finding, string? helpLink)
    {
        log.LogError(null, finding.RuleId, finding.RuleId, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
        Failed = true;
    }

    private void Message(Finding finding, MessageImportance importance, string text) =>
        log.LogMessage(null, finding.RuleId, finding.RuleId, finding.File, finding.Line, finding.Column, 0, 0, importance, text);
}
