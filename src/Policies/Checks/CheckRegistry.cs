using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Checks;

/// <summary>The built-in checks by the name rule files use for them.</summary>
public static class CheckRegistry
{
    private static readonly Dictionary<string, Func<CheckParameters, Check>> Factories = new(StringComparer.Ordinal)
    {
        ["image-digest"] = p => new ImageDigestCheck(p),
        ["image-tag"] = p => new ImageTagCheck(p),
        ["container-resources"] = p => new ContainerResourcesCheck(p),
        ["container-probe"] = p => new ContainerProbeCheck(p),
        ["container-security-context"] = p => new ContainerSecurityContextCheck(p),
        ["pod-field"] = p => new PodFieldCheck(p),
        ["volume-type"] = p => new VolumeTypeCheck(p),
        ["resource-field"] = p => new ResourceFieldCheck(p),
        ["removed-api"] = p => new RemovedApiCheck(p),
        ["input"] = p => new InputCheck(p),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool TryCreate(string name, CheckParameters parameters, out Check check)
    {
        if (!Factories.TryGetValue(name, out var factory))
        {
            check = null!;
            return false;
        }

        check = factory(parameters);
        parameters.EnsureAllRead(name);
        return true;
    }
}
