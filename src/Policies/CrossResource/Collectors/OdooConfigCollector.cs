using System.Collections.Generic;
using PolicyKit.Policies.Checks.Secrets;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Collectors;

/// <summary>
/// Records Odoo configurations: each <c>.conf</c> file read as an <c>OdooConfig</c> resource, and each ConfigMap data
/// value that is one (an <c>[options]</c> section), with every option located at its value inside the block scalar.
/// </summary>
internal sealed class OdooConfigCollector : FactCollector
{
    public override bool AppliesToKind(string kind) => kind is OdooConfigReader.Kind or "ConfigMap";

    public override void Collect(Resource resource, FactSink sink)
    {
        if (resource.Identity.Kind == OdooConfigReader.Kind)
        {
            CollectFile(resource, sink);
            return;
        }

        foreach (var entry in resource.Root.GetMapping("data")?.Entries ?? System.Array.Empty<YamlEntry>())
        {
            if (entry.Value is ScalarNode { IsNull: false } scalar && scalar.Value.IndexOf('\n') >= 0 && OdooConfigText.HasOptionsSection(scalar.Value))
            {
                CollectEmbedded(resource, entry.Key.Value, scalar, sink);
            }
        }
    }

    private static void CollectFile(Resource resource, FactSink sink)
    {
        if (resource.Root.TryGetEntry(OdooConfigText.OptionsSection, out var section) && section.Value is MappingNode options)
        {
            var found = new List<OdooConfigOption>(options.Entries.Count);
            foreach (var option in options.Entries)
            {
                if (option.Value is ScalarNode value)
                {
                    found.Add(new OdooConfigOption(option.Key.Value, value.Value, FactLocation.At(value, FieldPath.Append(OdooConfigText.OptionsSection, option.Key.Value))));
                }
            }

            sink.Add(new OdooConfigFact(sink.Origin, null, FactLocation.At(section.Key, OdooConfigText.OptionsSection), found));
        }
    }

    private static void CollectEmbedded(Resource resource, string key, ScalarNode scalar, FactSink sink)
    {
        var dataPath = FieldPath.Append("data", key);
        var text = scalar.Value;
        var lineStarts = EmbeddedTextScanner.LineStarts(text);
        var parsed = OdooConfigText.Parse(text);
        var options = new List<OdooConfigOption>();
        foreach (var option in parsed.Options)
        {
            if (option.Section != OdooConfigText.OptionsSection)
            {
                continue;
            }

            var offset = lineStarts[option.Line] + option.ValueColumn;
            var at = ValueLocation.Of(resource, scalar, offset, System.Math.Max(1, option.Value.Length));
            options.Add(new OdooConfigOption(option.Key, option.Value, FactLocation.At(at, FieldPath.Append(FieldPath.Append(dataPath, option.Section), option.Key))));
        }

        var header = parsed.Sections.Find(s => s.Name == OdooConfigText.OptionsSection);
        var headerAt = header is null ? (YamlNode)scalar : ValueLocation.Of(resource, scalar, lineStarts[header.Line] + header.Column, "[options]".Length);
        sink.Add(new OdooConfigFact(sink.Origin, key, FactLocation.At(headerAt, FieldPath.Append(dataPath, OdooConfigText.OptionsSection)), options));
    }
}
