using System.Collections.Generic;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// Where collectors put the facts of one file. It is aimed at each resource in turn and builds that resource's
/// <see cref="FactOrigin"/> only when a collector records something, so resources nobody indexes cost nothing.
/// </summary>
internal sealed class FactSink
{
    private readonly List<ResourceFact> facts;
    private readonly EnvironmentRuleSet environment;
    private Resource? resource;
    private FactOrigin? origin;

    public FactSink(List<ResourceFact> facts, EnvironmentRuleSet environment)
    {
        this.facts = facts;
        this.environment = environment;
    }

    /// <summary>The origin every fact of the current resource carries.</summary>
    public FactOrigin Origin => origin ??= new FactOrigin(JudgedResource.Of(resource!), environment);

    public void Aim(Resource current)
    {
        if (!ReferenceEquals(resource, current))
        {
            resource = current;
            origin = null;
            FactLocator.Aim(current);
        }
    }

    /// <summary>The file is done: no more facts about its resources.</summary>
    public void Finish()
    {
        resource = null;
        origin = null;
        FactLocator.Aim(null);
    }

    public void Add(ResourceFact fact) => facts.Add(fact);
}
