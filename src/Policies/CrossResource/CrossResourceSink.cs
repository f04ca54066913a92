using System.Collections.Generic;
using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Where cross-resource checks report, aimed at one rule at a time. A report names the fact whose resource must change;
/// the sink applies that resource's environment (rule enabled there, severity, hosting profile) and turns the report
/// into a finding located, fingerprinted and mapped back to rendered sources exactly like a streaming finding.
/// The same field reported twice (two routes reaching one misconfigured workload) is one finding.
/// </summary>
internal sealed class CrossResourceSink
{
    private static readonly KeyValuePair<string, string>[] NoProperties = new KeyValuePair<string, string>[0];

    private readonly List<Finding> findings;
    private readonly ViolationSink violations;
    private readonly List<Violation> reported;
    private readonly HashSet<string> seen = new(System.StringComparer.Ordinal);
    private Rule? rule;

    internal CrossResourceSink(List<Finding> findings, EvaluationContext context)
    {
        this.findings = findings;
        reported = new List<Violation>();
        violations = new ViolationSink(reported, new List<PendingJudgement>(), context);
    }

    internal void Aim(Rule current) => rule = current;

    /// <summary>Reports the rule's violation at <paramref name="at"/> in the resource <paramref name="subject"/> came from.</summary>
    public void Report(ResourceFact subject, FactLocation at, params KeyValuePair<string, string>[] arguments) =>
        Report(subject.Origin, at, arguments);

    public void Report(FactOrigin origin, FactLocation at, params KeyValuePair<string, string>[] arguments)
    {
        if (!origin.Environment.TryGetBinding(rule!.Id, out var binding))
        {
            return;
        }

        violations.Aim(rule, origin.Resource);
        violations.Report(at.Line, at.Column, at.FieldPath, arguments, NoProperties, advisory: false, image: null, located: at.Located);
        foreach (var violation in reported)
        {
            var finding = PolicyEngine.ToFinding(violation, binding.Severity, origin.Environment);
            if (seen.Add(finding.RuleId + "\u001f" + finding.Fingerprint))
            {
                findings.Add(finding);
            }
        }

        reported.Clear();
    }

    public static KeyValuePair<string, string> Argument(string name, string value) => ViolationSink.Argument(name, value);
}
