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
internal static class FindingLog
{
    public static void Write(TaskLoggingHelper log, Finding finding)
    {
        var code = finding.RuleId;
        var helpLink = finding.Rule.HelpUri.Length == 0 ? null : finding.Rule.HelpUri;
        if (finding.Suppression is { } suppression)
        {
            // Waived findings stay visible (detailed verbosity, binary logs) and name the record that waives them.
            log.LogMessage(null, code, code, finding.File, finding.Line, finding.Column, 0, 0, MessageImportance.Low,
                $"{finding.Message} (suppressed by {suppression.ExceptionId}, expires {suppression.Expires:yyyy-MM-dd})");
        }
        else if (finding.Blocking)
        {
            log.LogError(null, code, code, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
        }
        else if (finding.Severity == Severity.Info)
        {
            log.LogMessage(null, code, code, finding.File, finding.Line, finding.Column, 0, 0, MessageImportance.Normal, finding.Message);
        }
        else
        {
            log.LogWarning(null, code, code, helpLink, finding.File, finding.Line, finding.Column, 0, 0, finding.Message);
        }
    }
}
