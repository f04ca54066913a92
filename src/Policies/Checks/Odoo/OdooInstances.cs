using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// Finds the Odoo servers in the index: containers (not init containers) that run Odoo — an image named <c>odoo</c>,
/// a command line that starts <c>odoo</c> or <c>odoo-bin</c>, or an <c>odoo.conf</c> ConfigMap mounted — each with the
/// configuration it mounts.
/// </summary>
internal static class OdooInstances
{
    private const string DefaultConfigPath = "/etc/odoo/odoo.conf";

    public static List<OdooInstance> In(CrossResourceIndex index)
    {
        // By namespace and name, each with its place in input order: a server is matched against the few
        // configurations it can mount, not every tenant's configuration of the same name.
        var configs = index.All<OdooConfigFact>().Where(c => c.IsConfigMap)
            .Select((config, order) => (Config: config, Order: order))
            .ToLookup(c => (c.Config.Origin.Namespace, c.Config.Origin.Name ?? string.Empty));
        var instances = new List<OdooInstance>();
        foreach (var workload in index.All<WorkloadFact>())
        {
            foreach (var container in workload.Containers)
            {
                if (container.List != "containers")
                {
                    continue;
                }

                var (config, configMapsMounted) = MountedConfig(workload, container, configs);
                if (config is null && !RunsOdoo(container))
                {
                    continue;
                }

                var known = config is not null || (!configMapsMounted && IsOfficialImage(container.Image) && !NamesOtherConfig(container));
                instances.Add(new OdooInstance(workload, container, config, known));
            }
        }

        return instances;
    }

    private static (OdooConfigFact? Config, bool ConfigMapsMounted) MountedConfig(WorkloadFact workload, ContainerFact container, ILookup<(string? Namespace, string Name), (OdooConfigFact Config, int Order)> configs)
    {
        var ns = workload.Origin.Namespace;
        var configPath = ConfigPath(container);
        OdooConfigFact? best = null;
        var mounted = false;
        foreach (var mount in container.Mounts)
        {
            if (workload.Volume(mount.Volume) is not { } volume || (volume.ConfigMapName is null && volume.SecretName is null && volume.SourceKind != "projected"))
            {
                continue;
            }

            mounted = true;
            var candidates = volume.ConfigMapName == volume.SecretName || volume.SecretName is null ? configs[(ns, volume.ConfigMapName ?? string.Empty)]
                : volume.ConfigMapName is null ? configs[(ns, volume.SecretName)]
                : configs[(ns, volume.ConfigMapName)].Concat(configs[(ns, volume.SecretName)]).OrderBy(c => c.Order);
            foreach (var (config, _) in candidates)
            {
                var source = config.Origin.Identity.Kind == "Secret" ? volume.SecretName : volume.ConfigMapName;
                if (source is null || config.Origin.Name != source || !config.Origin.SameNamespaceAs(workload.Origin))
                {
                    continue;
                }

                var file = mount.SubPath is null ? mount.MountPath.TrimEnd('/') + "/" + config.DataKey : mount.MountPath;
                if (mount.SubPath is not null && mount.SubPath != config.DataKey)
                {
                    continue;
                }

                if (best is null || file == configPath)
                {
                    best = config;
                }
            }
        }

        return (best, mounted);
    }

    /// <summary>The file Odoo reads: <c>-c</c>/<c>--config</c>, else <c>ODOO_RC</c>, else the official image's default.</summary>
    private static string ConfigPath(ContainerFact container)
    {
        foreach (var (option, _, value) in OdooCommandLine.Read(container.CommandLine))
        {
            if (option == "config")
            {
                return value;
            }
        }

        return container.Variable("ODOO_RC")?.Value ?? DefaultConfigPath;
    }

    private static bool NamesOtherConfig(ContainerFact container) => ConfigPath(container) != DefaultConfigPath;

    private static bool RunsOdoo(ContainerFact container)
    {
        foreach (var token in container.CommandLine)
        {
            var program = token.Value.Trim();
            var slash = program.LastIndexOf('/');
            if ((slash < 0 ? program : program.Substring(slash + 1)) is "odoo" or "odoo-bin" or "openerp-server")
            {
                return true;
            }

            break;
        }

        return container.Image is { } image && LastSegment(image) == "odoo";
    }

    /// <summary>The Docker official image (<c>odoo</c>, <c>library/odoo</c>, <c>docker.io/library/odoo</c>).</summary>
    internal static bool IsOfficialImage(string? image)
    {
        if (image is null)
        {
            return false;
        }

        var repository = ImageReference.Parse(image).Repository;
        return repository is "odoo" or "library/odoo" or "docker.io/library/odoo" or "docker.io/odoo" or "index.docker.io/library/odoo";
    }

    private static string LastSegment(string image)
    {
        var repository = ImageReference.Parse(image).Repository;
        return repository.Substring(repository.LastIndexOf('/') + 1);
    }
}
