namespace PolicyKit.Policies.Rules;

/// <summary>
/// A manifest a rule must accept or reject, carried in the rule file as proof of its behaviour. For failing examples,
/// <c>ExpectedFindings</c> is the exact number of findings and <c>ExpectedLine</c> the line of the first, when stated.
/// <c>Policy</c> is the <c>policykit.yaml</c> text the example is judged under, when it needs more than the defaults.
/// </summary>
public sealed record RuleExample(bool MustFail, string Description, string Manifest, int? ExpectedFindings, int? ExpectedLine, int SourceLine)
{
    /// <summary>The <c>policykit.yaml</c> the example is judged under (YAML text); null: the built-in defaults.</summary>
    public string? Policy { get; init; }

    /// <summary>What the door's evidence proves about image digests, as data (docs/provenance.md); null: no evidence source.</summary>
    public string? Evidence { get; init; }

    /// <summary>The environment the example is judged in (as <c>--env</c> names it), e.g. <c>production</c>; null: none.</summary>
    public string? Environment { get; init; }
}
