using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Checks.Provenance;

/// <summary>
/// The image needs SLSA v1 provenance from an allowed signer (<c>problem: missing</c>) that meets the policy's
/// builder, build type, source repository and ref (<c>problem: mismatch</c>). Silent when the policy requires none.
/// </summary>
public sealed class ProvenanceSlsaCheck : ProvenanceCheck
{
    private static readonly IReadOnlyList<string> Problems = new[] { "missing", "mismatch" };

    private readonly bool reportMissing;

    public ProvenanceSlsaCheck(CheckParameters parameters)
        : base(parameters)
    {
        reportMissing = parameters.GetChoice("problem", Problems, "missing") == "missing";
    }

    protected override void Judge(ImageUnderReview image)
    {
        if (image.Policy.Slsa is not { } requirement || image.Evidence is not { } evidence)
        {
            return;
        }

        var signed = evidence.Verified.Where(image.Policy.AllowsSigner).ToList();
        if (signed.Count == 0)
        {
            // Nothing verified from an allowed signer: the evidence and identity rules say why.
            return;
        }

        var provenance = signed.Where(v => v.Slsa is not null).ToList();
        if (provenance.Count == 0)
        {
            if (reportMissing)
            {
                image.Report();
            }

            return;
        }

        if (!reportMissing && provenance.All(v => requirement.Mismatch(v.Slsa!) is not null))
        {
            var first = provenance.OrderBy(v => v.Source, System.StringComparer.Ordinal).First();
            image.Report(ViolationSink.Argument("mismatch", requirement.Mismatch(first.Slsa!)!), ViolationSink.Argument("bundle", first.Source));
        }
    }
}
