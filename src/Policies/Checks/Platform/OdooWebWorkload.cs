using System;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// Deployments and StatefulSets that run Odoo: a container runs an Odoo image (the repository's last segment names
/// Odoo, and is not an exporter). Such a workload serves web requests unless its name or its Odoo container's command
/// line makes it a cron or queue worker only (<c>cron</c>, <c>worker</c>, <c>queue</c> in the name; <c>--no-http</c> or
/// <c>--http-enable=False</c>).
/// </summary>
internal static class OdooWebWorkload
{
    /// <summary>Whether any container of the workload runs an Odoo image.</summary>
    public static bool RunsOdoo(Resource resource) => OdooContainer(resource) is not null;

    /// <summary>Whether the workload serves Odoo's web requests.</summary>
    public static bool Is(Resource resource)
    {
        if (OdooContainer(resource) is not { } container)
        {
            return false;
        }

        var name = resource.Identity.Name ?? string.Empty;
        foreach (var role in new[] { "cron", "worker", "queue" })
        {
            if (name.IndexOf(role, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }
        }

        return !DisablesHttp(container);
    }

    private static ContainerView? OdooContainer(Resource resource)
    {
        if (resource.Identity.Kind is not ("Deployment" or "StatefulSet") || resource.PodSpec is not { } podSpec)
        {
            return null;
        }

        foreach (var container in podSpec.ContainersIn("containers"))
        {
            if (container.Node.GetString("image") is not { } image)
            {
                continue;
            }

            var repository = ImageReference.Parse(image).Repository;
            var last = repository.Substring(repository.LastIndexOf('/') + 1);
            if (last.IndexOf("odoo", StringComparison.OrdinalIgnoreCase) >= 0 && last.IndexOf("exporter", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return container;
            }
        }

        return null;
    }

    private static bool DisablesHttp(ContainerView container)
    {
        foreach (var field in new[] { "command", "args" })
        {
            foreach (var item in container.Node.GetSequence(field)?.Items ?? Array.Empty<YamlNode>())
            {
                if (item is ScalarNode scalar
                    && (scalar.Value.IndexOf("--no-http", StringComparison.Ordinal) >= 0 || scalar.Value.IndexOf("--http-enable=False", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
