using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A CronJob that copies an Odoo filestore to object storage: its pod mounts the filestore (a claim or mount path naming
/// the filestore, Odoo's <c>/var/lib/odoo</c> data directory, or an Odoo claim) and a container runs an object-storage
/// client (<c>aws s3</c>, <c>s3cmd</c>, <c>mc</c>, <c>rclone</c>, <c>restic</c>, <c>kopia</c>, <c>gsutil</c>,
/// <c>azcopy</c>). Other CronJobs are not backups of the filestore and are not judged.
/// </summary>
internal sealed class FilestoreBackupJob
{
    private static readonly string[] CopyTools = { "aws s3", "s3cmd", "mc ", "rclone", "restic", "kopia", "gsutil", "azcopy", "aws-cli", "minio/mc" };

    private FilestoreBackupJob(MappingNode cronJobSpec, IReadOnlyList<CopyStep> steps)
    {
        CronJobSpec = cronJobSpec;
        Steps = steps;
    }

    public MappingNode CronJobSpec { get; }

    /// <summary>Every command or argument item of a copying container, with its path.</summary>
    public IReadOnlyList<CopyStep> Steps { get; }

    public static FilestoreBackupJob? Read(Resource resource)
    {
        if (resource.Identity.Kind != "CronJob" || resource.PodSpec is not { } podSpec || resource.Root.GetMapping("spec") is not { } spec
            || !MountsFilestore(podSpec))
        {
            return null;
        }

        var steps = new List<CopyStep>();
        foreach (var list in new[] { "initContainers", "containers" })
        {
            foreach (var container in podSpec.ContainersIn(list))
            {
                var image = container.Node.GetString("image") ?? string.Empty;
                var items = Items(container);
                var commandLine = string.Join(" ", items.ConvertAll(i => i.Node.Value));
                if (IsCopyTool(commandLine) || IsCopyTool(image + " "))
                {
                    foreach (var (node, path) in items)
                    {
                        steps.Add(new CopyStep(container, node, path));
                    }
                }
            }
        }

        return steps.Count == 0 ? null : new FilestoreBackupJob(spec, steps);
    }

    private static bool IsCopyTool(string text)
    {
        foreach (var tool in CopyTools)
        {
            if (text.IndexOf(tool, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static List<(ScalarNode Node, string Path)> Items(ContainerView container)
    {
        var items = new List<(ScalarNode, string)>();
        foreach (var field in new[] { "command", "args" })
        {
            var sequence = container.Node.GetSequence(field)?.Items;
            for (var i = 0; sequence is not null && i < sequence.Count; i++)
            {
                if (sequence[i] is ScalarNode { IsNull: false } scalar)
                {
                    items.Add((scalar, $"{container.Path}.{field}[{i}]"));
                }
            }
        }

        return items;
    }

    private static bool MountsFilestore(PodSpecView podSpec)
    {
        var claims = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in podSpec.Spec.GetSequence("volumes")?.Items ?? Array.Empty<YamlNode>())
        {
            if (item is MappingNode volume && volume.GetString("name") is { } name
                && volume.GetMapping("persistentVolumeClaim")?.GetString("claimName") is { } claim
                && (Names(claim, "filestore") || Names(claim, "odoo")))
            {
                claims.Add(name);
            }
        }

        foreach (var list in PodSpecView.ContainerLists)
        {
            foreach (var container in podSpec.ContainersIn(list))
            {
                foreach (var item in container.Node.GetSequence("volumeMounts")?.Items ?? Array.Empty<YamlNode>())
                {
                    if (item is not MappingNode mount)
                    {
                        continue;
                    }

                    var path = mount.GetString("mountPath") ?? string.Empty;
                    if ((mount.GetString("name") is { } name && claims.Contains(name)) || Names(path, "filestore") || path.StartsWith("/var/lib/odoo", StringComparison.Ordinal))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Names(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;
}

/// <summary>One command or argument item of a container that copies the filestore.</summary>
internal sealed record CopyStep(ContainerView Container, ScalarNode Node, string Path);
