using PolicyKit.Policies.Model;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// Secrets must be rotated where the policy file requires it (<c>secrets</c>, top level or per environment): reports
/// each secret-bearing object that <see cref="SecretRotation"/> finds not compliant with that environment's limits (an ExternalSecret refreshing less often than
/// <c>maxRefreshInterval</c>, a SealedSecret or Secret without a recent enough <c>policykit.io/rotated-at</c>).
/// </summary>
public sealed class SecretRotationCheck : Check
{
    public SecretRotationCheck(CheckParameters parameters)
    {
    }

    public override bool AppliesToKind(string kind) => SecretRotation.IsMeasured(kind);

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        var context = sink.Context;
        var policy = context.Environment?.Secrets ?? context.Config.Secrets;
        if (!policy.RotationRequired)
        {
            // Without a rotation requirement for this environment, rotation is a figure in the summary, not a finding.
            return;
        }

        if (SecretRotation.Assess(resource, policy, context.Now) is { Compliant: false } assessment)
        {
            sink.Report(assessment.At, assessment.FieldPath, ViolationSink.Argument("reason", assessment.Reason));
        }
    }
}
