using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>Long-running containers must declare a probe so Kubernetes can tell a hung process from a healthy one.</summary>
public sealed class ContainerProbeCheck : ContainerCheck
{
    private readonly string probe;

    public ContainerProbeCheck(CheckParameters parameters)
        : base(parameters, "containers")
    {
        probe = parameters.GetChoice("probe", new[] { "livenessProbe", "readinessProbe", "startupProbe" }, "livenessProbe");
    }

    protected override void EvaluateContainer(PodSpecView podSpec, ContainerView container, ViolationSink sink)
    {
        if (container.Node.Get(probe) is MappingNode { Entries.Count: > 0 })
        {
            return;
        }

        sink.Report(
            container.Anchor,
            container.Path + "." + probe,
            ViolationSink.Argument("container", container.Name),
            ViolationSink.Argument("probe", probe));
    }
}
