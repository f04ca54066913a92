using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// Where an Odoo server keeps its filestore (<c>data_dir</c>: attachments and sessions): the written <c>data_dir</c>,
/// else — for the official image, whose built-in file and the <c>odoo</c> user's home both put it there —
/// <c>/var/lib/odoo</c>; unknown for other images with no written <c>data_dir</c>. Shared by the rules about its volume
/// and its backups.
/// </summary>
internal static class OdooFilestore
{
    public const string OfficialImageDataDir = "/var/lib/odoo";

    /// <summary>The PersistentVolumeClaim objects of the input by namespace and name (the last one of a name wins).</summary>
    public static ClaimsByName Claims(CrossResourceIndex index) => index.Derived(ClaimsByName.Build);

    public static string? DataDir(OdooInstance instance)
    {
        if (instance.Setting("data_dir") is { } written)
        {
            var value = written.Value.Trim();
            return value.StartsWith("/", StringComparison.Ordinal) ? value : null;
        }

        return instance.ConfigKnown && OdooInstances.IsOfficialImage(instance.Container.Image) ? OfficialImageDataDir : null;
    }

    /// <summary>The mount that holds <paramref name="dataDir"/> (the deepest one), or null when it is on the container's filesystem.</summary>
    public static VolumeMountFact? Mount(OdooInstance instance, string dataDir) =>
        instance.Container.Mounts
            .Where(m => Contains(m.MountPath, dataDir))
            .OrderByDescending(m => m.MountPath.TrimEnd('/').Length)
            .FirstOrDefault();

    private static bool Contains(string mountPath, string directory)
    {
        var mount = mountPath.TrimEnd('/');
        var path = directory.TrimEnd('/');
        return path == mount || path.StartsWith(mount + "/", StringComparison.Ordinal) || mount.Length == 0;
    }
}
