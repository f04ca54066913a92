using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Model;

/// <summary>The built-in kinds that carry a pod spec, and where each keeps it.</summary>
public static class PodBearingKinds
{
    private static readonly Dictionary<string, string> PodSpecPaths = new(StringComparer.Ordinal)
    {
        ["Pod"] = "spec",
        ["PodTemplate"] = "template.spec",
        ["Deployment"] = "spec.template.spec",
        ["StatefulSet"] = "spec.template.spec",
        ["DaemonSet"] = "spec.template.spec",
        ["ReplicaSet"] = "spec.template.spec",
        ["ReplicationController"] = "spec.template.spec",
        ["Job"] = "spec.template.spec",
        ["CronJob"] = "spec.jobTemplate.spec.template.spec",
    };

    /// <summary>The dotted path of the pod spec for a pod-bearing kind, e.g. <c>spec.jobTemplate.spec.template.spec</c> for CronJob.</summary>
    public static bool TryGetPodSpecPath(string kind, out string path) => PodSpecPaths.TryGetValue(kind, out path!);
}
