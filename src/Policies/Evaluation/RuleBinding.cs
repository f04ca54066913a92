using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Evaluation;

/// <summary>A rule as one environment applies it: with its effective severity.</summary>
internal readonly struct RuleBinding
{
    public RuleBinding(Rule rule, Severity severity)
    {
        Rule = rule;
        Severity = severity;
    }

    public Rule Rule { get; }

    public Severity Severity { get; }
}
