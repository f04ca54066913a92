using System.Collections.Generic;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Collectors;

/// <summary>Records every pod-bearing resource: pod labels, replicas, containers and volumes.</summary>
internal sealed class WorkloadCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => PodBearingKinds.TryGetPodSpecPath(kind, out _);

    public override void Collect(Resource resource, FactSink sink)
    {
        if (resource.PodSpec is not { } pod)
        {
            return;
        }

        var spec = resource.Root.GetMapping("spec");
        var replicas = spec?.Get("replicas");
        var replicasAt = replicas is not null ? FactLocation.At(replicas, "spec.replicas")
            : spec is not null ? FactLocation.At(spec, "spec")
            : FactLocation.At(resource.KindNode, "kind");
        sink.Add(new WorkloadFact(sink.Origin, PodLabels(resource), YamlFacts.Integer(replicas), replicasAt, pod.Path, Containers(pod), Volumes(pod)));
    }

    private static IReadOnlyDictionary<string, string> PodLabels(Resource resource)
    {
        var kind = resource.Identity.Kind;
        var metadata = kind == "Pod" ? resource.Root.GetMapping("metadata")
            : resource.Root.TryGetPath(kind == "CronJob" ? "spec.jobTemplate.spec.template.metadata" : kind == "PodTemplate" ? "template.metadata" : "spec.template.metadata", out var node) ? node as MappingNode
            : null;
        return YamlFacts.StringMap(metadata?.GetMapping("labels"));
    }

    private static List<ContainerFact> Containers(PodSpecView pod)
    {
        var containers = new List<ContainerFact>();
        foreach (var list in PodSpecView.ContainerLists)
        {
            foreach (var container in pod.ContainersIn(list))
            {
                containers.Add(Container(container));
            }
        }

        return containers;
    }

    private static ContainerFact Container(ContainerView container)
    {
        var node = container.Node;
        var path = container.Path;
        var image = node.GetScalar("image");
        var limits = node.GetMapping("resources")?.GetMapping("limits");
        var argsNode = node.Get("args");
        var commandNode = node.Get("command");
        return new ContainerFact(container.Name, container.List, path, FactLocation.At(container.Anchor, path + ".name"))
        {
            Image = image is { IsNull: false } ? image.Value : null,
            ImageAt = FactLocation.At((YamlNode?)image ?? container.Anchor, path + ".image"),
            Command = Values(node.GetSequence("command"), path + ".command"),
            Args = Values(node.GetSequence("args"), path + ".args"),
            ArgsAt = argsNode is not null ? FactLocation.At(argsNode, path + ".args")
                : commandNode is not null ? FactLocation.At(commandNode, path + ".command")
                : FactLocation.At(container.Anchor, path + ".name"),
            Env = Env(node.GetSequence("env"), path),
            EnvFrom = EnvFrom(node.GetSequence("envFrom"), path),
            CpuLimitMillis = KubernetesQuantity.Millicores(YamlFacts.Text(limits?.Get("cpu"))),
            MemoryLimitBytes = KubernetesQuantity.Bytes(YamlFacts.Text(limits?.Get("memory"))),
            LimitsAt = limits is not null ? FactLocation.At(limits, path + ".resources.limits")
                : node.Get("resources") is { } resources ? FactLocation.At(resources, path + ".resources")
                : FactLocation.At(container.Anchor, path + ".name"),
            CpuLimitAt = limits?.Get("cpu") is { } cpu ? FactLocation.At(cpu, path + ".resources.limits.cpu") : null,
            MemoryLimitAt = limits?.Get("memory") is { } memory ? FactLocation.At(memory, path + ".resources.limits.memory") : null,
            Mounts = Mounts(node.GetSequence("volumeMounts"), path),
            Ports = Ports(node.GetSequence("ports")),
        };
    }

    private static IReadOnlyList<WrittenValue> Values(SequenceNode? sequence, string path)
    {
        if (sequence is null)
        {
            return System.Array.Empty<WrittenValue>();
        }

        var values = new List<WrittenValue>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is ScalarNode { IsNull: false } scalar)
            {
                values.Add(new WrittenValue(scalar.Value, FactLocation.At(scalar, $"{path}[{i}]")));
            }
        }

        return values;
    }

    private static IReadOnlyList<EnvironmentVariable> Env(SequenceNode? sequence, string path)
    {
        if (sequence is null)
        {
            return System.Array.Empty<EnvironmentVariable>();
        }

        var variables = new List<EnvironmentVariable>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item is MappingNode entry && entry.GetScalar("name") is { IsNull: false } name)
            {
                var value = entry.Get("value");
                var variablePath = $"{path}.env[name={name.Value}]";
                variables.Add(new EnvironmentVariable(
                    name.Value,
                    YamlFacts.Text(value),
                    entry.Get("valueFrom") is not null,
                    value is not null ? FactLocation.At(value, variablePath + ".value") : FactLocation.At(name, variablePath + ".name"),
                    Reference(entry.GetMapping("valueFrom"))));
            }
        }

        return variables;
    }

    private static IReadOnlyList<EnvironmentSource> EnvFrom(SequenceNode? sequence, string path)
    {
        if (sequence is null)
        {
            return System.Array.Empty<EnvironmentSource>();
        }

        var sources = new List<EnvironmentSource>(sequence.Items.Count);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (sequence.Items[i] is not MappingNode entry)
            {
                continue;
            }

            foreach (var (field, kind) in new[] { ("configMapRef", "ConfigMap"), ("secretRef", "Secret") })
            {
                if (entry.GetMapping(field)?.GetScalar("name") is { IsNull: false } name)
                {
                    sources.Add(new EnvironmentSource(kind, name.Value, entry.GetString("prefix") ?? string.Empty, FactLocation.At(name, $"{path}.envFrom[{i}].{field}.name")));
                }
            }
        }

        return sources;
    }

    private static ValueReference? Reference(MappingNode? valueFrom)
    {
        foreach (var (field, kind) in new[] { ("secretKeyRef", "Secret"), ("configMapKeyRef", "ConfigMap") })
        {
            if (valueFrom?.GetMapping(field) is { } reference && reference.GetString("name") is { } name && reference.GetString("key") is { } key)
            {
                return new ValueReference(kind, name, key);
            }
        }

        return null;
    }

    private static IReadOnlyList<ContainerPortFact> Ports(SequenceNode? sequence)
    {
        var ports = new List<ContainerPortFact>();
        foreach (var item in sequence?.Items ?? System.Array.Empty<YamlNode>())
        {
            if (item is MappingNode port && YamlFacts.Integer(port.Get("containerPort")) is { } number)
            {
                ports.Add(new ContainerPortFact(port.GetString("name"), number));
            }
        }

        return ports;
    }

    private static IReadOnlyList<VolumeMountFact> Mounts(SequenceNode? sequence, string path)
    {
        if (sequence is null)
        {
            return System.Array.Empty<VolumeMountFact>();
        }

        var mounts = new List<VolumeMountFact>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item is MappingNode mount && mount.GetString("name") is { } name && mount.GetString("mountPath") is { } mountPath)
            {
                mounts.Add(new VolumeMountFact(name, mountPath, mount.GetString("subPath"), mount.GetScalar("readOnly")?.AsBoolean() == true, FactLocation.At(mount, $"{path}.volumeMounts[mountPath={mountPath}]")));
            }
        }

        return mounts;
    }

    private static IReadOnlyList<VolumeFact> Volumes(PodSpecView pod)
    {
        var volumes = new List<VolumeFact>();
        foreach (var item in pod.Spec.GetSequence("volumes")?.Items ?? System.Array.Empty<YamlNode>())
        {
            if (item is not MappingNode volume || volume.GetString("name") is not { } name)
            {
                continue;
            }

            var sourceKind = string.Empty;
            foreach (var entry in volume.Entries)
            {
                if (entry.Key.Value != "name")
                {
                    sourceKind = entry.Key.Value;
                    break;
                }
            }

            var volumePath = $"{pod.Path}.volumes[name={name}]";
            var claim = volume.GetMapping("persistentVolumeClaim")?.GetScalar("claimName");
            volumes.Add(new VolumeFact(
                name,
                sourceKind,
                volume.GetMapping("configMap")?.GetString("name"),
                volume.GetMapping("secret")?.GetString("secretName"),
                claim is { IsNull: false } ? claim.Value : null,
                FactLocation.At(volume, volumePath))
            {
                ClaimNameAt = claim is { IsNull: false } ? FactLocation.At(claim, volumePath + ".persistentVolumeClaim.claimName") : null,
            });
        }

        return volumes;
    }
}
