using System;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A Deployment or StatefulSet that serves Odoo's web requests: a container runs an Odoo image (the repository's last
/// segment names Odoo), and neither the workload's name nor its command line makes it a cron or queue worker only
/// (<c>cron</c>, <c>worker</c>, <c>queue</c> in the name; <c>--no-http</c> or <c>--http-enable=False</c>).
/// </summary>
internal static class OdooWebWorkload
{
    public static bool Is(Resource resource)
    {
        if (resource.Identity.Kind is not ("Deployment" or "StatefulSet") || resource.PodSpec is not { } podSpec)
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

        foreach (var container in podSpec.ContainersIn("containers"))
        {
            if (container.Node.GetString("image") is not { } image)
            {
                continue;
            }

            var repository = ImageReference.Parse(image).Repository;
            var last = repository.Substring(repository.LastIndexOf('/') + 1);
            if (last.IndexOf("odoo", StringComparison.OrdinalIgnoreCase) >= 0 && last.IndexOf("exporter", StringComparison.OrdinalIgnoreCase) < 0
                && !DisablesHttp(container))
            {
                return true;
            }
        }

        return false;
    }

    private static bool DisablesHttp(ContainerView container)
    {
        foreach (var field in new[] { "command", "args" })
        {
            foreach (var item in container.Node.GetSequence(field)?.Items ?? Array.Empty<Yaml.YamlNode>())
            {
                if (item is Yaml.ScalarNode scalar
                    && (scalar.Value.IndexOf("--no-http", StringComparison.Ordinal) >= 0 || scalar.Value.IndexOf("--http-enable=False", StringComparison.OrdinalIgnoreCase) >= 0))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
