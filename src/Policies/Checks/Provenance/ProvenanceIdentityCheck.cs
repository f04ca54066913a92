using System.Linq;

namespace PolicyKit.Policies.Checks.Provenance;

/// <summary>At least one verified bundle for the image must be signed by an identity (or key) the policy allows.</summary>
public sealed class ProvenanceIdentityCheck : ProvenanceCheck
{
    public ProvenanceIdentityCheck(CheckParameters parameters)
        : base(parameters)
    {
    }

    protected override void Judge(ImageUnderReview image)
    {
        if (image.Evidence is not { } evidence || evidence.Verified.Count == 0)
        {
            return;
        }

        var policy = image.Policy;
        if (!evidence.Verified.Any(policy.AllowsSigner))
        {
            var signers = string.Join("; ", evidence.Verified.Select(v => v.Signer).Distinct().OrderBy(s => s, System.StringComparer.Ordinal));
            image.Report(ViolationSink.Argument("signer", signers), ViolationSink.Argument("allowed", policy.DescribeSigners()));
        }
    }
}
