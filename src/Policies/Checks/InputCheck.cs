using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks;

/// <summary>
/// Judges the loader's problems rather than resources: a rule with this check turns each <see cref="InputProblem"/> of
/// its kind into a finding, so unreadable input is reported, located and blocking like any other violation.
/// </summary>
public sealed class InputCheck : Check
{
    public InputCheck(CheckParameters parameters)
    {
        var problem = parameters.GetRequiredString("problem");
        if (!InputProblemKinds.TryParse(problem, out var kind))
        {
            throw parameters.Error(null, $"unknown input problem '{problem}'");
        }

        Problem = kind;
    }

    public InputProblemKind Problem { get; }

    public override bool AppliesToKind(string kind) => false;

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
    }
}
