using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks;

/// <summary>Pods must not use the listed volume sources (e.g. <c>hostPath</c>, which exposes the node's file system).</summary>
public sealed class VolumeTypeCheck : PodCheck
{
    private readonly IReadOnlyList<string> forbidden;

    public VolumeTypeCheck(CheckParameters parameters)
    {
        forbidden = parameters.GetStringList("forbidden", System.Array.Empty<string>());
        if (forbidden.Count == 0)
        {
            throw parameters.Error(null, "parameter 'forbidden' must name at least one volume type");
        }
    }

    protected override void EvaluatePod(PodSpecView podSpec, ViolationSink sink)
    {
        if (podSpec.Spec.GetSequence("volumes") is not { } volumes)
        {
            return;
        }

        for (var i = 0; i < volumes.Items.Count; i++)
        {
            if (volumes.Items[i] is not MappingNode volume)
            {
                continue;
            }

            var name = volume.GetString("name");
            foreach (var type in forbidden)
            {
                if (volume.TryGetEntry(type, out var entry))
                {
                    var volumePath = name is null ? $"{podSpec.Path}.volumes[{i}]" : $"{podSpec.Path}.volumes[name={name}]";
                    sink.Report(
                        entry.Key,
                        volumePath + "." + type,
                        ViolationSink.Argument("volume", name ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ViolationSink.Argument("type", type));
                }
            }
        }
    }
}
