using System.Collections.Generic;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.Checks.Secrets;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Collectors;

/// <summary>Records the one-line <c>data</c> values of each ConfigMap (<see cref="ConfigMapValuesFact"/>).</summary>
internal sealed class ConfigMapValuesCollector : FactCollector
{
    private const int LongestValue = 512;

    public override bool AppliesToKind(string kind) => kind == "ConfigMap";

    public override void Collect(Resource resource, FactSink sink)
    {
        var data = resource.Root.GetMapping("data");
        if (data is null || data.Entries.Count == 0)
        {
            return;
        }

        var values = new Dictionary<string, (string, FactLocation)>(System.StringComparer.Ordinal);
        foreach (var entry in data.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } scalar && scalar.Value.Length <= LongestValue && scalar.Value.IndexOf('\n') < 0)
            {
                values[entry.Key.Value] = (scalar.Value, FactLocation.At(scalar, FieldPath.Append("data", entry.Key.Value)));
            }
        }

        if (values.Count > 0)
        {
            sink.Add(new ConfigMapValuesFact(sink.Origin, values));
        }
    }
}
