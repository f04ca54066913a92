using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Facts;

/// <summary>One container of a workload: image, command line, environment, resources and mounts, with locations.</summary>
internal sealed class ContainerFact
{
    public ContainerFact(string name, string list, string path, FactLocation at)
    {
        Name = name;
        List = list;
        Path = path;
        At = at;
    }

    public string Name { get; }

    /// <summary><c>containers</c>, <c>initContainers</c> or <c>ephemeralContainers</c>.</summary>
    public string List { get; }

    /// <summary>The container's field path, e.g. <c>spec.template.spec.containers[name=odoo]</c>.</summary>
    public string Path { get; }

    /// <summary>The container's name (else the container), where findings about it as a whole point.</summary>
    public FactLocation At { get; }

    public string? Image { get; init; }

    public FactLocation ImageAt { get; init; }

    public IReadOnlyList<WrittenValue> Command { get; init; } = System.Array.Empty<WrittenValue>();

    public IReadOnlyList<WrittenValue> Args { get; init; } = System.Array.Empty<WrittenValue>();

    /// <summary>Where an argument would be added: <c>args</c>, else <c>command</c>, else the container.</summary>
    public FactLocation ArgsAt { get; init; }

    public IReadOnlyList<EnvironmentVariable> Env { get; init; } = System.Array.Empty<EnvironmentVariable>();

    /// <summary><c>envFrom</c>: the ConfigMaps and Secrets whose keys become variables, in order (a later one wins, <c>env</c> over all).</summary>
    public IReadOnlyList<EnvironmentSource> EnvFrom { get; init; } = System.Array.Empty<EnvironmentSource>();

    /// <summary><c>resources.limits.cpu</c> in millicores, when set and readable.</summary>
    public long? CpuLimitMillis { get; init; }

    /// <summary><c>resources.limits.memory</c> in bytes, when set and readable.</summary>
    public long? MemoryLimitBytes { get; init; }

    public FactLocation LimitsAt { get; init; }

    /// <summary>The <c>resources.limits.cpu</c> value, when written.</summary>
    public FactLocation? CpuLimitAt { get; init; }

    /// <summary>The <c>resources.limits.memory</c> value, when written.</summary>
    public FactLocation? MemoryLimitAt { get; init; }

    public IReadOnlyList<VolumeMountFact> Mounts { get; init; } = System.Array.Empty<VolumeMountFact>();

    /// <summary><c>ports</c>: each container port with its name, which a Service's <c>targetPort</c> may use.</summary>
    public IReadOnlyList<ContainerPortFact> Ports { get; init; } = System.Array.Empty<ContainerPortFact>();

    /// <summary>Command and arguments in the order the container runs them.</summary>
    public IEnumerable<WrittenValue> CommandLine
    {
        get
        {
            foreach (var value in Command)
            {
                yield return value;
            }

            foreach (var value in Args)
            {
                yield return value;
            }
        }
    }

    public EnvironmentVariable? Variable(string name)
    {
        foreach (var variable in Env)
        {
            if (variable.Name == name)
            {
                return variable;
            }
        }

        return null;
    }
}

/// <summary>A scalar as written (an argument), with where it is.</summary>
internal sealed record WrittenValue(string Value, FactLocation At);

/// <summary>
/// An <c>env</c> entry: its literal value, or null when it comes from elsewhere (<c>valueFrom</c>); for a
/// <c>secretKeyRef</c> or <c>configMapKeyRef</c>, the object and key it reads (two variables that read the same key hold
/// the same value, whatever it is).
/// </summary>
internal sealed record EnvironmentVariable(string Name, string? Value, bool FromReference, FactLocation At, ValueReference? Reference = null);

/// <summary>An <c>envFrom</c> entry: a ConfigMap or Secret (<c>Kind</c>) by name, with the <c>prefix</c> put before its keys.</summary>
internal sealed record EnvironmentSource(string Kind, string Name, string Prefix, FactLocation At);

/// <summary>Where a variable's value comes from: <c>Kind</c> is <c>Secret</c> or <c>ConfigMap</c>.</summary>
internal sealed record ValueReference(string Kind, string Name, string Key);

/// <summary>A <c>ports</c> entry of a container.</summary>
internal sealed record ContainerPortFact(string? Name, int Port);

/// <summary>A <c>volumeMounts</c> entry.</summary>
internal sealed record VolumeMountFact(string Volume, string MountPath, string? SubPath, bool ReadOnly, FactLocation At);
