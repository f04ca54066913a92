namespace PolicyKit.Policies.Checks.Provenance;

/// <summary>The image must come from a registry the policy's <c>provenance.registries</c> allows.</summary>
public sealed class ProvenanceRegistryCheck : ProvenanceCheck
{
    public ProvenanceRegistryCheck(CheckParameters parameters)
        : base(parameters)
    {
    }

    protected override void Judge(ImageUnderReview image)
    {
        if (!image.Policy.AllowsRegistry(image.Name.Name))
        {
            image.Report(ViolationSink.Argument("registries", string.Join(", ", image.Policy.Registries)));
        }
    }
}
