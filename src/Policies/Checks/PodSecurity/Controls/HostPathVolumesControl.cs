using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>Baseline, v1.0: no <c>hostPath</c> volumes. At Restricted, <c>restrictedVolumes</c> takes its place.</summary>
internal sealed class HostPathVolumesControl : PodSecurityControl
{
    public HostPathVolumesControl()
        : base("hostPathVolumes", PodSecurityLevel.Baseline, new[] { 0 })
    {
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
            if (volumes.Items[i] is MappingNode volume && volume.TryGetEntry("hostPath", out var entry) && Text.IsSet(entry.Value))
            {
                var name = Text.String(volume.Get("name")) ?? string.Empty;
                Offences.Add(ref offences, entry.Key, RestrictedVolumesControl.VolumePath(pod, volume, i) + ".hostPath").AddName(name);
            }
        }

        return offences?.Fail("hostPath volumes", Text.Plural("volume", "volumes", offences.Names.Count) + " " + Text.JoinQuoted(offences.Names));
    }
}
