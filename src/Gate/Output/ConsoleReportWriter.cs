using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Gate.Output;

/// <summary>
/// The human report. Findings are grouped under their file, whose heading names the environment and threshold that
/// judged it; each line is <c>✗ line:col  severity  rule  message</c>, where <c>✗</c> marks what blocks. The listing is
/// capped (<see cref="ConsoleReportOptions.MaxFindings"/>), then come counts by rule and by environment, the policy, the
/// packs and a one-line verdict. Written straight to the writer, without a markup layer, so that 100,000 findings cost
/// no more than the JSON report of the same run.
/// </summary>
internal sealed class ConsoleReportWriter
{
    private const string BlockingMarker = "✗ ";
    private const string PolicyWideLabel = "policy-wide";
    private const int NarrowestMessageColumn = 30;
    private const int HangingIndent = 6;

    private readonly EvaluationResult result;
    private readonly TextWriter writer;
    private readonly ConsoleReportOptions options;
    private readonly int severityWidth;

    private ConsoleReportWriter(EvaluationResult result, TextWriter writer, ConsoleReportOptions options)
    {
        this.result = result;
        this.writer = writer;
        this.options = options;
        severityWidth = result.Findings.Count == 0 ? 0 : result.Findings.Max(f => f.Severity.ToName().Length);
    }

    public static void Write(EvaluationResult result, TextWriter writer, ConsoleReportOptions options)
    {
        var report = new ConsoleReportWriter(result, writer, options);
        if (!options.Quiet)
        {
            report.WriteFindings();
        }

        report.WriteRuleTable();
        report.WriteEnvironmentTable();
        report.WriteFooter();
    }

    private void WriteFindings()
    {
        var findings = result.Findings;
        var limit = options.MaxFindings <= 0 ? int.MaxValue : options.MaxFindings;
        var listed = 0;
        var start = 0;
        while (start < findings.Count && listed < limit)
        {
            var file = findings[start].File;
            var end = start;
            var environments = new List<string?>(1);
            var locationWidth = 0;
            while (end < findings.Count && string.Equals(findings[end].File, file, StringComparison.Ordinal))
            {
                if (end - start < limit - listed)
                {
                    locationWidth = Math.Max(locationWidth, DigitCount(findings[end].Line) + 1 + DigitCount(findings[end].Column));
                    if (!environments.Contains(findings[end].Environment))
                    {
                        environments.Add(findings[end].Environment);
                    }
                }

                end++;
            }

            WriteFileHeading(file, environments);
            for (var index = start; index < end && listed < limit; index++, listed++)
            {
                WriteFinding(findings[index], locationWidth);
            }

            writer.Write('\n');
            start = end;
        }

        if (listed < findings.Count)
        {
            var more = findings.Count - listed;
            Styled($"… {more} more {(more == 1 ? "finding" : "findings")} not listed (--max-findings {limit}); see the JSON report (--format json --output FILE) or pass --max-findings 0", Style.Bold);
            writer.Write("\n\n");
        }
    }

    private void WriteFileHeading(string file, List<string?> environments)
    {
        Styled(file, Style.BoldUnderline);
        var judgedBy = "(" + string.Join("; ", environments.Select(e => $"{EnvironmentLabel(e)}: fail on {ThresholdName(Threshold(e))}")) + ")";
        if (options.Width is { } width && file.Length + 2 + judgedBy.Length > width)
        {
            // A long path keeps its line (it is what editors and grep match); the environment goes below it.
            writer.Write("\n  ");
        }
        else
        {
            writer.Write("  ");
        }

        Styled(judgedBy, Style.Grey);
        writer.Write('\n');
    }

    private void WriteFinding(Finding finding, int locationWidth)
    {
        var dim = !finding.Blocking;
        writer.Write("  ");
        writer.Write(finding.Blocking ? BlockingMarker : "  ");
        var location = $"{finding.Line}:{finding.Column}";
        Styled(location, dim ? Style.Dim : Style.None);
        Pad(locationWidth - location.Length + 2);
        var severity = finding.Severity.ToName();
        Styled(severity, SeverityStyle(finding.Severity) | (dim ? Style.Dim : Style.None));
        Pad(severityWidth - severity.Length + 2);
        RuleId(finding.Rule, dim);
        writer.Write("  ");

        var suffix = finding.Suppression is { } suppression
            ? $"  (suppressed by {suppression.ExceptionId})"
            : finding.Advisory ? "  (advisory)" : string.Empty;
        var prefixWidth = 4 + locationWidth + 2 + severityWidth + 2 + finding.RuleId.Length + 2;
        if (options.Width is not { } width)
        {
            Styled(finding.Message, dim ? Style.Dim : Style.None);
            Styled(suffix, Style.Dim | Style.Italic);
            writer.Write('\n');
            return;
        }

        var text = finding.Message + suffix;
        var indent = prefixWidth;
        if (width - prefixWidth < NarrowestMessageColumn)
        {
            // Too narrow for a message column: the message goes below, with a small hanging indent.
            writer.Write('\n');
            indent = Math.Min(HangingIndent, Math.Max(0, width - 1));
            Pad(indent);
        }

        var lines = TextWrap.Lines(text, Math.Max(1, width - indent));
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                writer.Write('\n');
                Pad(indent);
            }

            Styled(lines[i], dim ? Style.Dim : Style.None);
        }

        writer.Write('\n');
    }

    private void WriteRuleTable()
    {
        if (result.Findings.Count == 0)
        {
            return;
        }

        var byRule = new Dictionary<Rule, Tally>();
        foreach (var finding in result.Findings)
        {
            byRule.TryGetValue(finding.Rule, out var tally);
            byRule[finding.Rule] = tally.Add(finding);
        }

        var rows = byRule.OrderBy(r => r.Key.Id, StringComparer.Ordinal).ToList();
        var idWidth = Math.Max("Rule".Length, rows.Max(r => r.Key.Id.Length));
        var countWidth = Math.Max("Findings".Length, rows.Max(r => DigitCount(r.Value.Findings)));
        var blockingWidth = Math.Max("Blocking".Length, rows.Max(r => DigitCount(r.Value.Blocking)));
        var titleWidth = Math.Max("Title".Length, rows.Max(r => r.Key.Title.Length));
        if (options.Width is { } width)
        {
            titleWidth = Math.Max("Title".Length, Math.Min(titleWidth, width - (idWidth + countWidth + blockingWidth + 6)));
        }

        Styled(Cell("Rule", idWidth) + "  " + Cell("Title", titleWidth) + "  " + Right("Findings", countWidth) + "  " + Right("Blocking", blockingWidth), Style.Grey);
        writer.Write('\n');
        foreach (var (rule, tally) in rows)
        {
            RuleId(rule, dim: false);
            Pad(idWidth - rule.Id.Length + 2);
            writer.Write(Cell(Truncate(rule.Title, titleWidth), titleWidth));
            writer.Write("  ");
            writer.Write(Right(tally.Findings.ToString(System.Globalization.CultureInfo.InvariantCulture), countWidth));
            writer.Write("  ");
            Styled(Right(tally.Blocking.ToString(System.Globalization.CultureInfo.InvariantCulture), blockingWidth), tally.Blocking > 0 ? Style.Red : Style.None);
            writer.Write('\n');
        }

        writer.Write('\n');
    }

    private void WriteEnvironmentTable()
    {
        if (result.Findings.Count == 0)
        {
            return;
        }

        var byEnvironment = new Dictionary<string, Tally>(StringComparer.Ordinal);
        var order = new List<string?>();
        foreach (var finding in result.Findings)
        {
            var key = finding.Environment ?? string.Empty;
            if (!byEnvironment.TryGetValue(key, out var tally))
            {
                order.Add(finding.Environment);
            }

            byEnvironment[key] = tally.Add(finding);
        }

        // The policy file's order, then the findings no environment claimed.
        var declared = result.Config.Environments.Select(e => e.Name).ToList();
        var rows = order
            .OrderBy(e => e is null ? int.MaxValue : declared.IndexOf(e) is var i and >= 0 ? i : declared.Count)
            .ThenBy(e => e, StringComparer.Ordinal)
            .Select(e => (Label: EnvironmentLabel(e), Threshold: ThresholdName(Threshold(e)), Tally: byEnvironment[e ?? string.Empty]))
            .ToList();
        var labelWidth = Math.Max("Environment".Length, rows.Max(r => r.Label.Length));
        var thresholdWidth = Math.Max("Fail on".Length, rows.Max(r => r.Threshold.Length));
        Styled(Cell("Environment", labelWidth) + "  " + Cell("Fail on", thresholdWidth) + "  Findings  Blocking  Suppressed", Style.Grey);
        writer.Write('\n');
        foreach (var (label, threshold, tally) in rows)
        {
            writer.Write(Cell(label, labelWidth));
            writer.Write("  ");
            writer.Write(Cell(threshold, thresholdWidth));
            writer.Write("  ");
            writer.Write(Right(tally.Findings.ToString(System.Globalization.CultureInfo.InvariantCulture), "Findings".Length));
            writer.Write("  ");
            Styled(Right(tally.Blocking.ToString(System.Globalization.CultureInfo.InvariantCulture), "Blocking".Length), tally.Blocking > 0 ? Style.Red : Style.None);
            writer.Write("  ");
            writer.Write(Right(tally.Suppressed.ToString(System.Globalization.CultureInfo.InvariantCulture), "Suppressed".Length));
            writer.Write('\n');
        }

        writer.Write('\n');
    }

    private void WriteFooter()
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

        Label("Policy", policy);
        Label("Packs ", string.Join(", ", result.Packs.Select(p => $"{p.Name} {p.Version} (sha256 {p.Sha256.Substring(0, 12)})")));
        if (result.Exceptions.Outcomes.Count > 0)
        {
            var statuses = ExceptionStatuses.All
                .Select(s => (Status: s, Count: result.Exceptions.Outcomes.Count(o => o.Status == s)))
                .Where(s => s.Count > 0)
                .Select(s => $"{s.Count} {s.Status.ToName()}");
            Label("Exceptions", $"{result.Exceptions.Directory ?? "exception records"}: {Plural(result.Exceptions.Outcomes.Count, "record")} ({string.Join(", ", statuses)}) as of {UtcDates.FormatDate(result.Exceptions.Today)}");
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
            Label("Skipped", $"{skipped} (--verbose for details)");
        }

        Styled("Result", Style.Grey);
        writer.Write("  ");
        Styled(result.Passed ? "PASS" : "FAIL", Style.Bold | (result.Passed ? Style.Green : Style.Red));
        var summary = $"{findings} · {scope}";
        const int SummaryColumn = 14;
        if (options.Width is { } width && SummaryColumn + summary.Length > width && width - SummaryColumn >= NarrowestMessageColumn)
        {
            var lines = TextWrap.Lines(summary, width - SummaryColumn);
            writer.Write("  " + lines[0] + "\n");
            foreach (var line in lines.Skip(1))
            {
                Pad(SummaryColumn);
                writer.Write(line + "\n");
            }

            return;
        }

        writer.Write($"  {summary}\n");
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

    private void Label(string label, string text)
    {
        Styled(label, Style.Grey);
        writer.Write("  ");
        var indent = label.Length + 2;
        if (options.Width is not { } width || width - indent < NarrowestMessageColumn)
        {
            writer.Write(text);
            writer.Write('\n');
            return;
        }

        var lines = TextWrap.Lines(text, width - indent);
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                Pad(indent);
            }

            writer.Write(lines[i]);
            writer.Write('\n');
        }
    }

    /// <summary>The rule id, linked to its documentation page where the terminal can follow OSC 8 hyperlinks.</summary>
    private void RuleId(Rule rule, bool dim)
    {
        var link = options.Hyperlinks && rule.HelpUri.Length > 0;
        if (link)
        {
            writer.Write("\u001b]8;;");
            writer.Write(rule.HelpUri);
            writer.Write("\u001b\\");
        }

        Styled(rule.Id, Style.Bold | (dim ? Style.Dim : Style.None));
        if (link)
        {
            writer.Write("\u001b]8;;\u001b\\");
        }
    }

    private void Styled(string text, Style style)
    {
        if (!options.Color || style == Style.None || text.Length == 0)
        {
            writer.Write(text);
            return;
        }

        writer.Write("\u001b[");
        writer.Write(AnsiCodes(style));
        writer.Write('m');
        writer.Write(text);
        writer.Write("\u001b[0m");
    }

    private void Pad(int count)
    {
        for (var i = 0; i < count; i++)
        {
            writer.Write(' ');
        }
    }

    private Severity? Threshold(string? environment)
    {
        var configured = result.Config.Environments.FirstOrDefault(e => e.Name == environment)?.FailOn ?? result.Config.FailOn;
        return result.EffectiveFailOn(configured);
    }

    private static string EnvironmentLabel(string? environment) => environment ?? PolicyWideLabel;

    private static string AnsiCodes(Style style)
    {
        var codes = new List<string>(3);
        if ((style & Style.Bold) != 0)
        {
            codes.Add("1");
        }

        if ((style & Style.Dim) != 0)
        {
            codes.Add("2");
        }

        if ((style & Style.Italic) != 0)
        {
            codes.Add("3");
        }

        if ((style & Style.Underline) != 0)
        {
            codes.Add("4");
        }

        if ((style & Style.Red) != 0)
        {
            codes.Add("31");
        }

        if ((style & Style.Green) != 0)
        {
            codes.Add("32");
        }

        if ((style & Style.Yellow) != 0)
        {
            codes.Add("33");
        }

        if ((style & Style.Blue) != 0)
        {
            codes.Add("34");
        }

        if ((style & Style.Grey) != 0)
        {
            codes.Add("90");
        }

        return string.Join(";", codes);
    }

    private static Style SeverityStyle(Severity severity) => severity switch
    {
        Severity.Critical => Style.Bold | Style.Red,
        Severity.High => Style.Red,
        Severity.Medium => Style.Yellow,
        Severity.Low => Style.Blue,
        _ => Style.Grey,
    };

    private static string Cell(string text, int width) => text.PadRight(width);

    private static string Right(string text, int width) => text.PadLeft(width);

    private static string Truncate(string text, int width) =>
        text.Length <= width ? text : text.Substring(0, Math.Max(0, width - 1)) + "…";

    private static int DigitCount(int value) => value < 10 ? 1 : (int)Math.Floor(Math.Log10(value)) + 1;

    private static string ThresholdName(Severity? threshold) => threshold?.ToName() ?? "none";

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    [Flags]
    private enum Style
    {
        None = 0,
        Bold = 1,
        Dim = 2,
        Italic = 4,
        Underline = 8,
        Red = 16,
        Green = 32,
        Yellow = 64,
        Blue = 128,
        Grey = 256,
        BoldUnderline = Bold | Underline,
    }

    /// <summary>Counts for one row of the summary tables.</summary>
    private readonly record struct Tally(int Findings, int Blocking, int Suppressed)
    {
        public Tally Add(Finding finding) =>
            new(Findings + 1, Blocking + (finding.Blocking ? 1 : 0), Suppressed + (finding.Suppressed ? 1 : 0));
    }
}
