using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks;

/// <summary>Images must name an explicit, non-floating tag (a digest alone also pins the image).</summary>
public sealed class ImageTagCheck : ContainerCheck
{
    private readonly IReadOnlyList<string> forbiddenTags;
    private readonly bool requireTag;

    public ImageTagCheck(CheckParameters parameters)
        : base(parameters)
    {
        forbiddenTags = parameters.GetStringList("forbiddenTags", new[] { "latest" });
        requireTag = parameters.GetBool("requireTag", true);
    }

    protected override void EvaluateContainer(PodSpecView podSpec, ContainerView container, ViolationSink sink)
    {
        var image = container.Node.GetScalar("image");
        if (image is null || image.IsNull)
        {
            return;
        }

        var reference = ImageReference.Parse(image.Value);
        string? problem = null;
        if (reference.Tag is null)
        {
            if (requireTag && reference.Digest is null)
            {
                problem = "no tag: it floats to whatever latest is";
            }
        }
        else
        {
            foreach (var forbidden in forbiddenTags)
            {
                if (string.Equals(reference.Tag, forbidden, StringComparison.OrdinalIgnoreCase))
                {
                    problem = $"tag \"{reference.Tag}\" floats";
                    break;
                }
            }
        }

        if (problem is not null)
        {
            sink.Report(
                image,
                container.Path + ".image",
                ViolationSink.Argument("container", container.Name),
                ViolationSink.Argument("image", image.Value),
                ViolationSink.Argument("problem", problem),
                ViolationSink.Argument("repository", reference.Repository));
        }
    }
}
