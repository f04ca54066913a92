using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>Containers must declare the resource requests and limits the scheduler and kubelet need.</summary>
public sealed class ContainerResourcesCheck : ContainerCheck
{
    private readonly IReadOnlyList<string> requests;
    private readonly IReadOnlyList<string> limits;

    public ContainerResourcesCheck(CheckParameters parameters)
        : base(parameters, "initContainers", "containers")
    {
        requests = parameters.GetStringList("requests", System.Array.Empty<string>());
        limits = parameters.GetStringList("limits", System.Array.Empty<string>());
        if (requests.Count == 0 && limits.Count == 0)
        {
            throw parameters.Error(null, "name at least one resource under 'requests' or 'limits'");
        }
    }

    protected override void EvaluateContainer(PodSpecView podSpec, ContainerView container, ViolationSink sink)
    {
        container.Node.TryGetEntry("resources", out var resourcesEntry);
        var resources = resourcesEntry.Value as MappingNode;
        var declaredRequests = resources?.GetMapping("requests");
        var declaredLimits = resources?.GetMapping("limits");

        List<string>? missing = null;
        foreach (var name in requests)
        {
            // Kubernetes defaults a missing request to the limit, so a limit alone is a request too.
            if (!IsSet(declaredRequests, name) && !IsSet(declaredLimits, name))
            {
                (missing ??= new List<string>()).Add("requests." + name);
            }
        }

        foreach (var name in limits)
        {
            if (!IsSet(declaredLimits, name))
            {
                (missing ??= new List<string>()).Add("limits." + name);
            }
        }

        if (missing is null)
        {
            return;
        }

        sink.Report(
            resourcesEntry.Key ?? container.Anchor,
            container.Path + ".resources",
            ViolationSink.Argument("container", container.Name),
            ViolationSink.Argument("missing", string.Join(", ", missing)));
    }

    private static bool IsSet(MappingNode? mapping, string name) => !ValueExpectation.IsAbsent(mapping?.Get(name));
}
