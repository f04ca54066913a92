using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Rules;
using Spectre.Console;

namespace PolicyKit.Gate.Output;

/// <summary>
/// The human report: findings grouped by file as <c>file:line:col  severity  rule  message</c> (clickable in terminals
/// and editors), then the policy, the packs and a one-line verdict. Coloured on a terminal, plain when redirected.
/// </summary>
internal static class ConsoleReportWriter
{
    public static void Write(EvaluationResult result, TextWriter writer, bool color)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = color ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });

        // Never wrap: a finding is one line, so grep and editors can use it.
        console.Profile.Width = 100_000;

        var severityWidth = result.Findings.Count == 0 ? 0 : result.Findings.Max(f => f.Severity.ToName().Length);
        foreach (var file in result.Findings.GroupBy(f => f.File))
        {
            console.MarkupLine($"[bold underline]{Markup.Escape(file.Key)}[/]");
            foreach (var finding in file)
            {
                var location = $"{finding.File}:{finding.Line}:{finding.Column}";
                var severity = finding.Severity.ToName().PadRight(severityWidth);
                // Findings below the fail threshold, and waived ones, are shown dimmed: visible, but clearly not what blocks.
                var dim = finding.Blocking ? string.Empty : "dim ";
                console.MarkupLine(
                    "  " + Styled(location, dim.TrimEnd())
                    + "  " + Styled(severity, dim + SeverityStyle(finding.Severity))
                    + "  " + Styled(finding.RuleId, dim + "bold")
                    + "  " + Styled(finding.Message, dim.TrimEnd())
                    + (finding.Suppression is { } suppression ? "  " + Styled($"(suppressed by {suppression.ExceptionId})", "dim italic") : string.Empty));
            }

            console.WriteLine();
        }

        WriteFooter(console, result);
    }

    private static void WriteFooter(IAnsiConsole console, EvaluationResult result)
    {
        var config = result.Config;
        var policy = config.IsBuiltInDefault
            ? $"built-in defaults (no {Policies.Configuration.PolicyConfig.FileName} found), fail on {ThresholdName(result.EffectiveFailOn(config.FailOn))}"
            : $"{config.SourcePath}, fail on {ThresholdName(result.EffectiveFailOn(config.FailOn))}"
              + string.Concat(config.Environments.Select(e => $"; {e.Name}: fail on {ThresholdName(result.EffectiveFailOn(e.FailOn))}"));
        if (result.FailOnOverride is not null)
        {
            policy += " (--fail-on)";
        }
        console.MarkupLine($"[grey]Policy[/]  {Markup.Escape(policy)}");
        var packs = string.Join(", ", result.Packs.Select(p => $"{p.Name} {p.Version} (sha256 {p.Sha256.Substring(0, 12)})"));
        console.MarkupLine($"[grey]Packs[/]   {Markup.Escape(packs)}");
        if (result.Exceptions.Outcomes.Count > 0)
        {
            var statuses = ExceptionStatuses.All
                .Select(s => (Status: s, Count: result.Exceptions.Outcomes.Count(o => o.Status == s)))
                .Where(s => s.Count > 0)
                .Select(s => $"{s.Count} {s.Status.ToName()}");
            var exceptions = $"{result.Exceptions.Directory ?? "exception records"}: {Plural(result.Exceptions.Outcomes.Count, "record")} ({string.Join(", ", statuses)}) as of {UtcDates.FormatDate(result.Exceptions.Today)}";
            console.MarkupLine($"[grey]Exceptions[/]  {Markup.Escape(exceptions)}");
        }

        var counts = new[] { Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Info }
            .Where(s => result.Count(s) > 0)
            .Select(s => $"{result.Count(s)} {s.ToName()}")
            .ToList();
        var findings = result.Findings.Count == 0
            ? "no findings"
            : $"{Plural(result.Findings.Count, "finding")} ({string.Join(", ", counts)}), {result.BlockingCount} blocking"
              + (result.SuppressedCount > 0 ? $", {result.SuppressedCount} suppressed" : string.Empty);
        var scope = $"{Plural(result.FilesScanned, "file")}, {Plural(result.ResourcesEvaluated, "resource")}, {Plural(result.Rules.Count, "rule")}";
        var skipped = Skipped(result);
        if (skipped.Length > 0)
        {
            console.MarkupLine($"[grey]Skipped[/] {Markup.Escape(skipped)} (--verbose for details)");
        }

        var verdict = result.Passed ? "[bold green]PASS[/]" : "[bold red]FAIL[/]";
        console.MarkupLine($"[grey]Result[/]  {verdict}  {Markup.Escape(findings)} · {Markup.Escape(scope)}");
    }

    /// <summary>What discovery left out (docs/discovery.md); empty when nothing was.</summary>
    private static string Skipped(EvaluationResult result)
    {
        var discovery = result.Discovery;
        var parts = new[]
        {
            (result.OtherYamlFiles.Count, "file of other YAML", "files of other YAML"),
            (discovery.IgnoredPaths, "ignored path", "ignored paths"),
            (discovery.HiddenFolders, "hidden folder", "hidden folders"),
            (discovery.FilesUsedByKustomizations, "file used by a kustomization", "files used by kustomizations"),
        };
        return string.Join(", ", parts.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {(p.Item1 == 1 ? p.Item2 : p.Item3)}"));
    }

    private static string Styled(string text, string style) =>
        style.Length == 0 ? Markup.Escape(text) : $"[{style}]{Markup.Escape(text)}[/]";

    private static string SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => "bold red",
        Severity.High => "red",
        Severity.Medium => "yellow",
        Severity.Low => "blue",
        _ => "grey",
    };

    private static string ThresholdName(Severity? threshold) => threshold?.ToName() ?? "none";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
