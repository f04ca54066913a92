using System.Linq;

namespace PolicyKit.Policies.Checks.Provenance;

/// <summary>Evidence naming the image's digest must verify: reported when bundles exist but none of them verifies.</summary>
public sealed class ProvenanceVerificationCheck : ProvenanceCheck
{
    public ProvenanceVerificationCheck(CheckParameters parameters)
        : base(parameters)
    {
    }

    protected override void Judge(ImageUnderReview image)
    {
        if (image.Evidence is { } evidence && evidence.Verified.Count == 0 && evidence.Failures.Count > 0)
        {
            var failure = evidence.Failures.OrderBy(f => f.Source, System.StringComparer.Ordinal).First();
            image.Report(ViolationSink.Argument("bundle", failure.Source), ViolationSink.Argument("reason", failure.Reason));
        }
    }
}
