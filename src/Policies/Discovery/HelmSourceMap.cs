using System;
using System.Collections.Generic;
using System.IO;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Traces a resource that <c>helm template</c> rendered to its template through the <c># Source:</c> comment Helm writes
/// above each document. Template lines do not map to rendered lines, so findings point at the template's <c>kind:</c>
/// line (mapping <c>template</c>), or the chart's <c>Chart.yaml</c> when the template is unknown (<c>untraced</c>).
/// </summary>
internal sealed class HelmSourceMap : RenderedOrigin
{
    private readonly Dictionary<string, string> templateByResource;
    private readonly Func<string, string> displayPath;

    public HelmSourceMap(string chartFolder, string renderedText, Func<string, string> displayPath)
        : base("helm", displayPath(chartFolder), chartFolder)
    {
        this.displayPath = displayPath;
        templateByResource = ReadSources(chartFolder, renderedText);
    }

    public override SourceLocation Locate(Resource resource, string fieldPath, int line, int column)
    {
        if (templateByResource.TryGetValue(Key(resource.Identity.Kind, resource.Identity.Name), out var template) && File.Exists(template))
        {
            var lines = File.ReadAllLines(template);
            var kindLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("kind:", StringComparison.Ordinal));
            return new SourceLocation(displayPath(template), kindLine < 0 ? 1 : kindLine + 1, 1, "template");
        }

        return new SourceLocation(displayPath(Path.Combine(UnitFullPath, FolderMarkers.ChartName)), 1, 1, "untraced");
    }

    private static string Key(string kind, string? name) => kind + "/" + name;

    /// <summary>Each rendered document's kind and name, keyed to the template file its <c># Source:</c> names.</summary>
    private static Dictionary<string, string> ReadSources(string chartFolder, string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        string? source = null;
        string? kind = null;
        string? name = null;
        var inMetadata = false;
        foreach (var raw in (text + "\n---").Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("---", StringComparison.Ordinal))
            {
                if (source is not null && kind is not null)
                {
                    map[Key(kind, name)] = source;
                }

                (source, kind, name, inMetadata) = (null, null, null, false);
            }
            else if (line.StartsWith("# Source: ", StringComparison.Ordinal))
            {
                // "chart/templates/x.yaml": the first segment is the chart's name, not its folder.
                var relative = line.Substring("# Source: ".Length).Trim();
                var slash = relative.IndexOf('/');
                source = Path.Combine(chartFolder, slash < 0 ? relative : relative.Substring(slash + 1));
            }
            else if (line.StartsWith("kind:", StringComparison.Ordinal))
            {
                kind = line.Substring(5).Trim();
            }
            else if (line.StartsWith("metadata:", StringComparison.Ordinal))
            {
                inMetadata = true;
            }
            else if (inMetadata && name is null && line.StartsWith("  name:", StringComparison.Ordinal))
            {
                name = line.Substring(7).Trim().Trim('"', '\'');
            }
            else if (line.Length > 0 && !char.IsWhiteSpace(line[0]))
            {
                inMetadata = false;
            }
        }

        return map;
    }
}
