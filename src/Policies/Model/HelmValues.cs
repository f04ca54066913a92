using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Model;

/// <summary>
/// A Helm chart's value file as a synthetic resource (<c>apiVersion: policykit.io/v1</c>, <c>kind: HelmValues</c>,
/// named by its path), so the secrets rules find literal credentials in chart values at their own lines. No other rule
/// judges it: it is not a Kubernetes object.
/// </summary>
public static class HelmValues
{
    public const string Kind = "HelmValues";

    internal static Resource Resource(ManifestSource source, int documentIndex, MappingNode values) =>
        new(source, documentIndex, values, new ResourceIdentity(OdooConfigReader.ApiVersion, Kind, null, source.DisplayPath), new ScalarNode(Kind, false, values.Line, values.Column));
}
