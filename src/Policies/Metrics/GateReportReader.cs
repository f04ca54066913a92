using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace PolicyKit.Policies.Metrics;

/// <summary>Reads a folder of gate JSON reports; a run failed when its <c>summary.result</c> is <c>fail</c>.</summary>
public static class GateReportReader
{
    public static GateRunFigures ReadFolder(string directory)
    {
        var runs = new List<(string, bool)>();
        var problems = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var display = Path.GetRelativePath(directory, file).Replace('\\', '/');
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("summary", out var summary)
                    && summary.ValueKind == JsonValueKind.Object
                    && summary.TryGetProperty("result", out var result)
                    && result.GetString() is "pass" or "fail")
                {
                    runs.Add((display, result.GetString() == "fail"));
                }
                else
                {
                    problems.Add($"{display}: not a policykit JSON report (no summary.result)");
                }
            }
            catch (JsonException exception)
            {
                problems.Add($"{display}:{exception.LineNumber + 1}: not valid JSON ({exception.Message})");
            }
        }

        return new GateRunFigures(runs, problems);
    }
}
