using System.Collections.Generic;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks;

/// <summary>A check applied to each container of the lists it was configured for.</summary>
public abstract class ContainerCheck : PodCheck
{
    private readonly IReadOnlyList<string> containerLists;

    protected ContainerCheck(CheckParameters parameters, params string[] defaultLists)
    {
        containerLists = parameters.GetChoiceList("containerLists", PodSpecView.ContainerLists, defaultLists.Length == 0 ? PodSpecView.ContainerLists : defaultLists);
    }

    protected sealed override void EvaluatePod(PodSpecView podSpec, ViolationSink sink)
    {
        foreach (var list in containerLists)
        {
            foreach (var container in podSpec.ContainersIn(list))
            {
                EvaluateContainer(podSpec, container, sink);
            }
        }
    }

    protected abstract void EvaluateContainer(PodSpecView podSpec, ContainerView container, ViolationSink sink);
}
