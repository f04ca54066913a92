namespace PolicyKit.Policies.Checks.PodSecurity.Controls;

/// <summary>Baseline, v1.0: <c>hostNetwork</c>, <c>hostPID</c> and <c>hostIPC</c> must be unset or false.</summary>
internal sealed class HostNamespacesControl : PodSecurityControl
{
    // Upstream lists them sorted.
    private static readonly string[] Fields = { "hostIPC", "hostNetwork", "hostPID" };

    public HostNamespacesControl()
        : base("hostNamespaces", PodSecurityLevel.Baseline, new[] { 0 })
    {
    }

    internal override ControlFailure? Evaluate(PodSecurityPod pod, int implementation)
    {
        Offences? offences = null;
        foreach (var field in Fields)
        {
            var value = pod.Spec.Get(field);
            if (Text.IsTrue(value))
            {
                Offences.Add(ref offences, value!, pod.SpecPath + "." + field).AddValue(field + "=true");
            }
        }

        return offences?.Fail("host namespaces", string.Join(", ", offences.Values));
    }
}
