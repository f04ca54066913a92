using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks;

/// <summary>Images must be pinned by an immutable digest, so what was reviewed is what runs.</summary>
public sealed class ImageDigestCheck : ContainerCheck
{
    public ImageDigestCheck(CheckParameters parameters)
        : base(parameters)
    {
    }

    protected override void EvaluateContainer(PodSpecView podSpec, ContainerView container, ViolationSink sink)
    {
        var image = container.Node.GetScalar("image");
        if (image is null || image.IsNull || ImageReference.Parse(image.Value).HasValidDigest)
        {
            return;
        }

        sink.Report(
            image,
            container.Path + ".image",
            ViolationSink.Argument("container", container.Name),
            ViolationSink.Argument("image", image.Value));
    }
}
