using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A container that runs a Redis server: the official <c>redis</c> image, Valkey, Redis Stack, or Bitnami's images as
/// their chart renders them. Exporters, Sentinel, RedisInsight and other tools named after Redis are not servers.
/// </summary>
internal sealed class RedisContainer
{
    private static readonly HashSet<string> ServerImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "redis", "valkey", "redis-stack", "redis-stack-server", "keydb",
    };

    private RedisContainer(ContainerView container, bool isBitnami, string commandLine)
    {
        Container = container;
        IsBitnami = isBitnami;
        CommandLine = commandLine;
    }

    public ContainerView Container { get; }

    /// <summary>Bitnami's images take the password from <c>REDIS_PASSWORD</c> and refuse to start without one.</summary>
    public bool IsBitnami { get; }

    /// <summary>The container's <c>command</c> and <c>args</c> joined by spaces, as the shell would see them.</summary>
    public string CommandLine { get; }

    public static IEnumerable<RedisContainer> In(Resource resource)
    {
        if (resource.PodSpec is not { } podSpec || resource.Identity.Kind is "Job" or "CronJob")
        {
            yield break;
        }

        foreach (var container in podSpec.ContainersIn("containers"))
        {
            if (container.Node.GetString("image") is not { } image)
            {
                continue;
            }

            var repository = ImageReference.Parse(image).Repository;
            var name = repository.Substring(repository.LastIndexOf('/') + 1);
            if (ServerImages.Contains(name))
            {
                yield return new RedisContainer(container, repository.IndexOf("bitnami", StringComparison.OrdinalIgnoreCase) >= 0, CommandLineOf(container.Node));
            }
        }
    }

    /// <summary>The scalar items of <c>command</c> then <c>args</c>, with the nodes they were read from.</summary>
    public IEnumerable<(ScalarNode Node, string Path)> Arguments()
    {
        foreach (var field in new[] { "command", "args" })
        {
            var items = Container.Node.GetSequence(field)?.Items;
            if (items is null)
            {
                continue;
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is ScalarNode { IsNull: false } scalar)
                {
                    yield return (scalar, $"{Container.Path}.{field}[{i}]");
                }
            }
        }
    }

    /// <summary>The container's environment variable <paramref name="name"/>, or null.</summary>
    public MappingNode? Env(string name)
    {
        foreach (var item in Container.Node.GetSequence("env")?.Items ?? Array.Empty<YamlNode>())
        {
            if (item is MappingNode variable && variable.GetString("name") == name)
            {
                return variable;
            }
        }

        return null;
    }

    private static string CommandLineOf(MappingNode container)
    {
        var parts = new List<string>();
        foreach (var field in new[] { "command", "args" })
        {
            foreach (var item in container.GetSequence(field)?.Items ?? Array.Empty<YamlNode>())
            {
                if (item is ScalarNode { IsNull: false } scalar)
                {
                    parts.Add(scalar.Value);
                }
            }
        }

        return string.Join(" ", parts);
    }
}
