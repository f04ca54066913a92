using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Provenance;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Provenance;

/// <summary>
/// A provenance requirement judged at a container's <c>image</c> field, for the images the policy in force says need
/// evidence. Silent without a <c>provenance</c> policy. Findings only warn (never block) under <c>enforcement: warn</c>.
/// </summary>
public abstract class ProvenanceCheck : ContainerCheck
{
    protected ProvenanceCheck(CheckParameters parameters)
        : base(parameters)
    {
    }

    protected sealed override void EvaluateContainer(PodSpecView podSpec, ContainerView container, ViolationSink sink)
    {
        var policy = sink.Context.Provenance;
        var image = container.Node.GetScalar("image");
        if (policy is null || image is null || image.IsNull)
        {
            return;
        }

        var name = ImageName.Parse(image.Value);
        if (policy.Requires(name.Name))
        {
            Judge(new ImageUnderReview(container, image, name, policy, sink));
        }
    }

    /// <summary>Reports through <see cref="ImageUnderReview.Report"/> when the image breaks this requirement.</summary>
    protected abstract void Judge(ImageUnderReview image);

    /// <summary>One container image the policy requires evidence for, with where to report on it.</summary>
    protected readonly struct ImageUnderReview
    {
        private readonly ViolationSink sink;

        public ImageUnderReview(ContainerView container, ScalarNode node, ImageName name, ProvenancePolicy policy, ViolationSink sink)
        {
            Container = container;
            Node = node;
            Name = name;
            Policy = policy;
            this.sink = sink;
        }

        public ContainerView Container { get; }

        public ScalarNode Node { get; }

        public ImageName Name { get; }

        public ProvenancePolicy Policy { get; }

        /// <summary>What the evidence proves about the image; null when it is not pinned (PK1001 reports that) or no door verifies evidence.</summary>
        public ImageEvidence? Evidence => Name.Digest is { } digest && sink.Context.Evidence is { } evidence ? evidence.For(digest) : null;

        public void Report(params KeyValuePair<string, string>[] arguments)
        {
            var all = new List<KeyValuePair<string, string>>(arguments)
            {
                ViolationSink.Argument("container", Container.Name),
                ViolationSink.Argument("image", Node.Value),
                ViolationSink.Argument("digest", Name.Digest ?? "(none)"),
            };
            sink.Report(Node, Container.Path + ".image", all, new KeyValuePair<string, string>[0], advisory: !Policy.Enforce);
        }
    }
}
