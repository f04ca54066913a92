using System.IO;
using System.Linq;
using PolicyKit.Policies.Diff;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Gate.Output;

/// <summary>
/// What the console report adds for a change (<c>--base</c>, <c>--baseline</c>): the comparison, the new blocking and the
/// fixed findings, and the gate's verdict, which charges the change only with what it introduced.
/// </summary>
internal static class ChangeConsoleWriter
{
    public static void Write(ChangeReview review, TextWriter writer)
    {
        var findings = review.Findings;
        var policy = review.Policy switch
        {
            PolicySide.Base => "policy from the base",
            PolicySide.Head => "policy from the head (--policy head)",
            _ => "policy from the working tree",
        };
        writer.WriteLine();
        writer.WriteLine(
            $"Change  against {review.Basis.Describe()}, {policy}: {findings.New.Count} new ({findings.NewBlocking.Count()} blocking), "
            + $"{findings.Existing.Count} existing ({findings.Existing.Count(f => f.Blocking)} blocking), {findings.Fixed.Count} fixed");
        foreach (var finding in findings.NewBlocking)
        {
            writer.WriteLine($"  new    {finding.File}:{finding.Line}:{finding.Column}  {finding.Severity.ToName()}  {finding.RuleId}  {finding.Message}");
        }

        foreach (var finding in findings.Fixed)
        {
            writer.WriteLine($"  fixed  {finding.File}:{finding.Line}:{finding.Column}  {finding.Severity}  {finding.RuleId}  {finding.Message}");
        }

        var failing = review.Failing.Count();
        var reason = failing == 0
            ? (review.FailOnExisting ? "no blocking findings" : "no new blocking findings")
            : review.FailOnExisting ? $"{failing} blocking finding{(failing == 1 ? string.Empty : "s")} (--fail-on-existing)" : $"{failing} new blocking finding{(failing == 1 ? string.Empty : "s")}";
        writer.WriteLine($"Gate    {(review.Passed ? "PASS" : "FAIL")}  {reason}");
    }
}
