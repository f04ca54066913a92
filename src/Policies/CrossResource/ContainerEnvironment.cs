using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// A container's environment as Kubernetes builds it: <c>env</c> over <c>envFrom</c>, a later <c>envFrom</c> source over
/// an earlier one; a ConfigMap source in the input gives its values (located in the ConfigMap), a Secret source the
/// Secret and key the variable reads. Built once per judgement and shared by the rules that read variables.
/// </summary>
internal sealed class ContainerEnvironment
{
    private readonly Dictionary<(string, string), ConfigMapValuesFact> configMaps = new();

    private ContainerEnvironment(CrossResourceIndex index)
    {
        foreach (var fact in index.All<ConfigMapValuesFact>())
        {
            configMaps[(fact.Origin.Namespace ?? string.Empty, fact.Origin.Name ?? string.Empty)] = fact;
        }
    }

    public static ContainerEnvironment For(CrossResourceIndex index) => index.Derived(i => new ContainerEnvironment(i));

    /// <summary>The variable's value or source, and where it is set; null when nothing in the input sets it.</summary>
    public ResolvedVariable? Variable(ContainerFact container, FactOrigin workload, string name)
    {
        if (container.Variable(name) is { } variable)
        {
            return new ResolvedVariable(variable.Value, variable.Reference, workload, variable.At);
        }

        foreach (var source in container.EnvFrom.Reverse())
        {
            if (!name.StartsWith(source.Prefix, System.StringComparison.Ordinal))
            {
                continue;
            }

            var key = name.Substring(source.Prefix.Length);
            if (source.Kind == "Secret")
            {
                continue;
            }

            if (configMaps.TryGetValue((workload.Namespace ?? string.Empty, source.Name), out var configMap) && configMap.Values.TryGetValue(key, out var value))
            {
                return new ResolvedVariable(value.Value, null, configMap.Origin, value.At);
            }
        }

        return null;
    }

    /// <summary>Whether an <c>envFrom</c> source the input does not show may set variables (a Secret, or a ConfigMap not in the input).</summary>
    public bool HasHiddenSources(ContainerFact container, FactOrigin workload) =>
        container.EnvFrom.Any(s => s.Kind == "Secret" || !configMaps.ContainsKey((workload.Namespace ?? string.Empty, s.Name)));
}

/// <summary>A variable's literal value or the Secret/ConfigMap key it reads, in the resource and at the field that sets it.</summary>
internal sealed record ResolvedVariable(string? Value, ValueReference? Reference, FactOrigin Origin, FactLocation At);
