using PolicyKit.Policies.Model;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// Secrets must be rotated: reports each secret-bearing object that <see cref="SecretRotation"/> finds not compliant
/// with the environment's <c>secrets</c> policy (an ExternalSecret refreshing less often than
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
        if (SecretRotation.Assess(resource, policy, context.Now) is { Compliant: false } assessment)
        {
            sink.Report(assessment.At, assessment.FieldPath, ViolationSink.Argument("reason", assessment.Reason));
        }
    }
}
