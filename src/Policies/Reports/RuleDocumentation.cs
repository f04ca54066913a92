using System.Linq;
using System.Text;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports;

/// <summary>
/// The documentation page of a rule (<c>docs/rules/ID.md</c>, the target of every finding's help link), generated from
/// the rule file so the page and the rule cannot disagree.
/// </summary>
public static class RuleDocumentation
{
    private const int MaxShownExample = 4000;

    public static string Page(Rule rule)
    {
        var page = new StringBuilder();
        page.Append($"# {rule.Id}: {rule.Title}\n\n");
        page.Append("<!-- Generated from rules/").Append(rule.Pack.Name).Append('/').Append(rule.SourceFile)
            .Append(" by the test suite (POLICYKIT_APPROVE=1 dotnet test); edit the rule file, not this page. -->\n\n");
        page.Append("| | |\n|---|---|\n");
        page.Append($"| Pack | `{rule.Pack.Name}` (since {rule.Since}) |\n");
        page.Append($"| Category | `{rule.Category}` |\n");
        page.Append($"| Severity | {rule.Severity.ToName()} |\n");
        page.Append($"| Applies to | {(rule.Match.Kinds.Count == 0 && rule.Match.ExcludedKinds.Count == 0 ? AppliesTo(rule) : rule.Match.ToString())} |\n");
        page.Append($"| Check | `{rule.CheckName}`{Parameters(rule)} |\n");
        if (rule.Profiles.Count > 0)
        {
            page.Append($"| Hosting profiles | {string.Join(", ", rule.Profiles.Select(p => $"`{p}`"))} |\n");
        }

        if (rule.UpstreamControl is not null)
        {
            page.Append($"| Upstream control | `{rule.UpstreamControl}` |\n");
        }

        page.Append("\n## Why\n\n").Append(rule.Rationale).Append("\n\n## How to fix\n\n").Append(rule.Remediation).Append('\n');
        page.Append("\n## Message\n\n```\n").Append(rule.Message.Text).Append("\n```\n");

        foreach (var (mustFail, heading) in new[] { (true, "Fails"), (false, "Passes") })
        {
            var examples = rule.Examples.Where(e => e.MustFail == mustFail).ToList();
            if (examples.Count == 0)
            {
                continue;
            }

            page.Append($"\n## {heading}\n");
            foreach (var example in examples)
            {
                page.Append("\n").Append(example.Description.Length == 0 ? "Example" : example.Description).Append(":\n\n");
                if (example.Manifest.Length > MaxShownExample)
                {
                    // Generated stress inputs (deep nesting, alias bombs) say nothing more when printed in full.
                    page.Append($"_A generated input of {example.Manifest.Length} characters; see the rule file._\n");
                    continue;
                }

                if (example.Environment is not null)
                {
                    page.Append("Judged as environment `").Append(example.Environment).Append("` (`--env ").Append(example.Environment).Append("`):\n\n");
                }

                if (example.Policy is not null)
                {
                    page.Append("Under this `policykit.yaml`:\n\n```yaml\n").Append(example.Policy.TrimEnd('\n')).Append("\n```\n\n");
                }

                if (example.Evidence is not null)
                {
                    page.Append("With this verified evidence (what `policykit check` proved from the bundles):\n\n```yaml\n").Append(example.Evidence.TrimEnd('\n')).Append("\n```\n\n");
                }

                page.Append("```yaml\n").Append(example.Manifest.TrimEnd('\n')).Append("\n```\n");
            }
        }

        return page.ToString();
    }

    private static string AppliesTo(Rule rule) => rule.Check switch
    {
        Checks.PodCheck => "every pod-bearing kind (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob, PodTemplate)",
        Checks.InputCheck => "every input file",
        CrossResource.CrossResourceCheck => "several resources together, judged once every file is read (cross-resource)",
        Policies.Exceptions.ExceptionRecordCheck => "every exception record (the policy's exceptions folder)",
        _ => "any kind",
    };

    private static string Parameters(Rule rule) =>
        rule.ParameterSummary.Count == 0
            ? string.Empty
            : " with " + string.Join(", ", rule.ParameterSummary.Select(p => $"`{p.Key}`: {Escape(p.Value)}"));

    private static string Escape(string text) => text.Replace("|", "\\|");
}
