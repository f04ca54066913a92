using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// The filestore (<c>data_dir</c>, where Odoo keeps attachments and sessions) of a web server must outlive its pods
/// and, with several replicas, be the same for all of them. The directory is the written <c>data_dir</c>, else — for
/// the official image, whose built-in file and the <c>odoo</c> user's home both put it there — <c>/var/lib/odoo</c>;
/// other images with no written <c>data_dir</c> are not judged. Reports a directory on the container's own filesystem
/// or an <c>emptyDir</c> (at the container or the volume), and a claim in the input that several replicas mount
/// without <c>ReadWriteMany</c> (at its <c>accessModes</c>). Other volume sources, claims not in the input and
/// StatefulSet claim templates stay quiet.
/// </summary>
internal sealed class OdooFilestoreVolumeCheck : CrossResourceCheck
{
    public OdooFilestoreVolumeCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var topology = OdooTopology.For(index);
        var claims = OdooFilestore.Claims(index);

        foreach (var instance in topology.Instances)
        {
            if (!topology.IsSelected(instance) || OdooRoles.IsCronRunner(instance) || OdooFilestore.DataDir(instance) is not { } dataDir)
            {
                continue;
            }

            var mount = OdooFilestore.Mount(instance, dataDir);
            if (mount is null)
            {
                Report(sink, instance.Workload.Origin, instance.Container.At, instance, $"keeps its filestore ({dataDir}) on the container's own filesystem, lost when the pod is replaced; mount a persistent volume at {dataDir}");
                continue;
            }

            if (instance.Workload.Volume(mount.Volume) is not { } volume)
            {
                continue;
            }

            if (volume.SourceKind == "emptyDir")
            {
                Report(sink, instance.Workload.Origin, volume.At, instance, $"keeps its filestore ({dataDir}) on the emptyDir volume \"{volume.Name}\", lost when the pod is replaced; use a PersistentVolumeClaim");
                continue;
            }

            if (volume.ClaimName is { } claimName && instance.Workload.Replicas is > 1 && !mount.ReadOnly
                && claims.TryGetValue((instance.Workload.Origin.Namespace ?? string.Empty, claimName), out var claim)
                && !claim.IsSharedWritable)
            {
                var modes = claim.AccessModes.Count == 0 ? "no access mode" : string.Join(", ", claim.AccessModes);
                Report(sink, claim.Origin, claim.AccessModesAt, instance, $"runs {instance.Workload.Replicas.Value.ToString(CultureInfo.InvariantCulture)} replicas writing the filestore ({dataDir}) on claim \"{claimName}\" with {modes}; replicas on other nodes cannot mount it: request ReadWriteMany from a storage class that offers it");
            }
        }
    }

    private static void Report(CrossResourceSink sink, FactOrigin origin, FactLocation at, OdooInstance instance, string problem) =>
        sink.Report(origin, at, CrossResourceSink.Argument("odoo", instance.Describe()), CrossResourceSink.Argument("problem", problem));
}
