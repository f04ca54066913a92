using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports;

/// <summary>
/// GitHub Actions workflow commands (<c>::error file=…,line=…,col=…,title=…::message</c>) that show findings on the pull
/// request's diff. GitHub shows at most 10 error and 10 warning annotations per step, so the writer emits the failing
/// findings as errors and other new (or, without a comparison, non-blocking) findings as warnings up to those limits,
/// then one notice saying how many more the reports hold.
/// </summary>
public static class GitHubAnnotationWriter
{
    /// <summary>GitHub's limit of annotations of each level per step.</summary>
    public const int MaxPerLevel = 10;

    public static void Write(EvaluationResult result, ChangeReview? review, TextWriter writer)
    {
        var errors = (review?.Failing ?? result.Findings.Where(f => f.Blocking)).ToList();
        var failing = new HashSet<Finding>(errors);
        var candidates = review is null ? result.Findings : review.Findings.New;
        var warnings = candidates.Where(f => !failing.Contains(f) && !f.Suppressed).ToList();
        foreach (var finding in errors.Take(MaxPerLevel))
        {
            WriteCommand(writer, "error", finding);
        }

        foreach (var finding in warnings.Take(MaxPerLevel))
        {
            WriteCommand(writer, "warning", finding);
        }

        var hidden = System.Math.Max(0, errors.Count - MaxPerLevel) + System.Math.Max(0, warnings.Count - MaxPerLevel);
        if (hidden > 0)
        {
            writer.WriteLine($"::notice title=PolicyKit::{Data($"{hidden} more findings are not annotated (GitHub shows {MaxPerLevel} errors and {MaxPerLevel} warnings per step); see the step summary or the SARIF upload")}");
        }
    }

    private static void WriteCommand(TextWriter writer, string level, Finding finding) =>
        writer.WriteLine($"::{level} file={Property(finding.File)},line={finding.Line},col={finding.Column},title={Property($"{finding.RuleId} {finding.Rule.Title} ({finding.Severity.ToName()})")}::{Data(finding.Message)}");

    /// <summary>Escapes a command's message as the Actions runner expects.</summary>
    private static string Data(string text) => new StringBuilder(text).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A").ToString();

    /// <summary>Escapes a command property, where <c>:</c> and <c>,</c> also separate.</summary>
    private static string Property(string text) => new StringBuilder(Data(text)).Replace(":", "%3A").Replace(",", "%2C").ToString();
}
