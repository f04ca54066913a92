using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Gate.Commands;

/// <summary><c>policykit explain PKxxxx</c>: what a rule checks and why, how to fix a finding, and its examples, from the rule file.</summary>
internal static class ExplainCommand
{
    private const int ProseWidth = 96;

    private static readonly Argument<string> RuleId = new("rule")
    {
        Description = "The rule id, e.g. PK1002.",
    };

    public static Command Create()
    {
        var command = new Command("explain", "Explain a rule: its rationale, how to fix its findings, and the failing and passing examples of its rule file. Exit code 2 for an unknown id.") { RuleId };
        command.SetAction(parse =>
        {
            var id = parse.GetValue(RuleId) ?? string.Empty;
            var rule = RuleCatalog.BuiltIn.Rules
                .Where(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(r => r.Pack.Version)
                .FirstOrDefault();
            if (rule is null)
            {
                var nearest = NearestNames.Find(id.ToUpperInvariant(), RuleCatalog.BuiltIn.Rules.Select(r => r.Id).Distinct(), maxDistance: 2);
                var hint = nearest.Count == 0 ? "; 'policykit rules' lists every rule" : $"; nearest: {string.Join(", ", nearest)}";
                throw new UsageException($"no rule '{id}' in the built-in packs{hint}");
            }

            using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" };
            output.Write(Explanation(rule));
            return ExitCodes.Passed;
        });
        return command;
    }

    private static string Explanation(Rule rule)
    {
        var text = new StringBuilder();
        text.Append($"{rule.Id}  {rule.Title}\n");
        text.Append($"Pack      {rule.Pack.Name} {rule.Pack.Version} (since {rule.Since})\n");
        text.Append($"Category  {rule.Category}\n");
        text.Append($"Severity  {rule.Severity.ToName()}\n");
        if (rule.UpstreamControl is not null)
        {
            text.Append($"Upstream  {rule.UpstreamControl}\n");
        }

        if (rule.HelpUri.Length > 0)
        {
            text.Append($"Docs      {rule.HelpUri}\n");
        }

        text.Append("\nWhy\n").Append(Indented(Wrapped(rule.Rationale)));
        text.Append("\nHow to fix\n").Append(Indented(Wrapped(rule.Remediation)));
        text.Append("\nMessage\n").Append(Indented(rule.Message.Text));
        foreach (var (mustFail, heading) in new[] { (true, "Fails"), (false, "Passes") })
        {
            foreach (var example in rule.Examples.Where(e => e.MustFail == mustFail))
            {
                var title = example.Description.Length == 0 ? heading : $"{heading}: {example.Description}";
                text.Append('\n').Append(title).Append('\n');
                text.Append(example.Manifest.Length > 4000
                    ? $"    (a generated input of {example.Manifest.Length} characters; see rules/{rule.Pack.Name}/{rule.SourceFile})\n"
                    : Indented(example.Manifest));
            }
        }

        return text.ToString();
    }

    /// <summary>Prose at a readable width (the rule files fold it into one line); examples and messages are shown as written.</summary>
    private static string Wrapped(string prose) =>
        string.Join("\n", prose.TrimEnd('\n').Split('\n').SelectMany(paragraph => paragraph.Length == 0 ? new[] { string.Empty } : Output.TextWrap.Lines(paragraph, ProseWidth)));

    private static string Indented(string text) =>
        string.Concat(text.TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? "\n" : "    " + line + "\n"));
}
