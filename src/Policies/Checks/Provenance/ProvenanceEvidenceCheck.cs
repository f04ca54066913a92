namespace PolicyKit.Policies.Checks.Provenance;

/// <summary>A pinned image that needs evidence must have at least one bundle naming its digest.</summary>
public sealed class ProvenanceEvidenceCheck : ProvenanceCheck
{
    public ProvenanceEvidenceCheck(CheckParameters parameters)
        : base(parameters)
    {
    }

    protected override void Judge(ImageUnderReview image)
    {
        if (image.Evidence is { IsEmpty: true })
        {
            image.Report();
        }
    }
}
