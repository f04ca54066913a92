using PolicyKit.Policies.Checks;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// Judges exception records rather than resources: a rule with this check (<c>check: exception-record</c>) turns each
/// <see cref="ExceptionProblem"/> of its kind into a finding at the record's file and line, the way <c>input</c> rules
/// turn loader problems into findings.
/// </summary>
public sealed class ExceptionRecordCheck : Check
{
    public ExceptionRecordCheck(CheckParameters parameters)
    {
        var problem = parameters.GetRequiredString("problem");
        if (!ExceptionProblemKinds.TryParse(problem, out var kind))
        {
            throw parameters.Error(null, $"unknown exception problem '{problem}'");
        }

        Problem = kind;
    }

    public ExceptionProblemKind Problem { get; }

    public override bool AppliesToKind(string kind) => false;

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
    }
}
