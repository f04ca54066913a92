using System.Linq;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Build;

/// <summary>The one-line verdict the task logs at normal verbosity, worded like the console report's footer.</summary>
internal static class CheckSummary
{
    public static string Format(EvaluationResult result)
    {
        var counts = new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info }
            .Where(s => result.Count(s) > 0)
            .Select(s => $"{result.Count(s)} {s.ToName()}");
        var findings = result.Findings.Count == 0
            ? "no findings"
            : $"{Plural(result.Findings.Count, "finding")} ({string.Join(", ", counts)}), {result.BlockingCount} blocking"
              + (result.SuppressedCount > 0 ? $", {result.SuppressedCount} suppressed" : string.Empty);
        var scope = $"{Plural(result.FilesScanned, "file")}, {Plural(result.ResourcesEvaluated, "resource")}, {Plural(result.Rules.Count, "rule")}";
        var packs = string.Join(", ", result.Packs.Select(p => $"{p.Name} {p.Version}"));
        var policy = result.Config.SourcePath ?? "built-in defaults";
        return $"PolicyKit: {(result.Passed ? "PASS" : "FAIL")}  {findings} · {scope} · policy {policy} · packs {packs}";
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
