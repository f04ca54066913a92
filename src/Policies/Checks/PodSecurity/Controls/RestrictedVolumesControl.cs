using System;
using System.Collections.Generic;
using System.Globalization;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>
/// Restricted, v1.0: volumes may only be <c>configMap</c>, <c>csi</c>, <c>downwardAPI</c>, <c>emptyDir</c>,
/// <c>ephemeral</c>, <c>image</c>, <c>persistentVolumeClaim</c>, <c>projected</c> or <c>secret</c>. A volume with no source
/// is an <c>emptyDir</c> once the API server defaults it. Replaces <c>hostPathVolumes</c>. (Upstream added <c>image</c> to
/// its only, v1.0, implementation in Kubernetes 1.33, so it is allowed at every policy version.)
/// </summary>
internal sealed class RestrictedVolumesControl : PodSecurityControl
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret",
    };

    /// <summary>Every other volume source of the core API, in the order upstream tests them.</summary>
    private static readonly HashSet<string> Restricted = new(StringComparer.Ordinal)
    {
        "hostPath", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs", "rbd", "flexVolume",
        "cinder", "cephfs", "flocker", "fc", "azureFile", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk",
        "portworxVolume", "scaleIO", "storageos",
    };

    public RestrictedVolumesControl()
        : base("restrictedVolumes", PodSecurityLevel.Restricted, new[] { 0 }, replaces: "hostPathVolumes")
    {
    }

    /// <summary><c>spec.volumes[name=data]</c>, or by position for a volume without a name.</summary>
    internal static string VolumePath(PodSecurityPod pod, MappingNode volume, int index)
    {
        var name = Text.String(volume.Get("name"));
        return name is null
            ? pod.SpecPath + ".volumes[" + index.ToString(CultureInfo.InvariantCulture) + "]"
            : pod.SpecPath + ".volumes[name=" + name + "]";
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        if (pod.Spec.GetSequence("volumes") is not { } volumes)
        {
            return null;
        }

        Offences? offences = null;
        for (var i = 0; i < volumes.Items.Count; i++)
        {
            if (volumes.Items[i] is not MappingNode volume)
            {
                continue;
            }

            var allowed = false;
            YamlEntry restricted = default;
            var hasRestricted = false;
            foreach (var entry in volume.Entries)
            {
                if (!Text.IsSet(entry.Value))
                {
                    continue;
                }

                if (Allowed.Contains(entry.Key.Value))
                {
                    allowed = true;
                    break;
                }

                if (!hasRestricted && Restricted.Contains(entry.Key.Value))
                {
                    restricted = entry;
                    hasRestricted = true;
                }
            }

            if (allowed || !hasRestricted)
            {
                continue;
            }

            Offences.Add(ref offences, restricted.Key, VolumePath(pod, volume, i) + "." + restricted.Key.Value)
                .AddName(Text.String(volume.Get("name")) ?? string.Empty);
            offences!.AddDistinctValue(restricted.Key.Value);
        }

        if (offences is null)
        {
            return null;
        }

        var types = Text.SortedDistinct(offences.Values);
        return offences.Fail(
            "restricted volume types",
            $"{Text.Plural("volume", "volumes", offences.Names.Count)} {Text.JoinQuoted(offences.Names)} {Text.Plural("uses", "use", offences.Names.Count)} {Text.Plural("restricted volume type", "restricted volume types", types.Count)} {Text.JoinQuoted(types)}");
    }
}
