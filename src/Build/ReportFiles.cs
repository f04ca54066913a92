using System;
using System.Collections.Generic;
using System.IO;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Reports;

namespace PolicyKit.Build;

/// <summary>
/// Writes the JSON and SARIF reports of a run. Each file is written beside its destination and then moved over it, so
/// a reader (a CI upload step, a parallel build) never sees half a report.
/// </summary>
internal static class ReportFiles
{
    public const string Json = "json";
    public const string Sarif = "sarif";

    /// <summary>Parses <c>PolicyKitReportFormats</c> (<c>json;sarif</c>, or empty/<c>none</c> for no reports).</summary>
    public static bool TryParseFormats(string? text, out IReadOnlyList<string> formats, out string? unknown)
    {
        var parsed = new List<string>();
        unknown = null;
        foreach (var part in (text ?? string.Empty).Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
        {
            var format = part.Trim().ToLowerInvariant();
            if (format is Json or Sarif)
            {
                if (!parsed.Contains(format))
                {
                    parsed.Add(format);
                }
            }
            else if (format != "none" && format.Length > 0)
            {
                unknown = part.Trim();
            }
        }

        formats = parsed;
        return unknown is null;
    }

    public static string Write(EvaluationResult result, string format, string directory, string baseName)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{baseName}.{format}");
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (var stream = File.Create(temporary))
            {
                if (format == Json)
                {
                    JsonReportWriter.Write(result, ToolInfo.Engine, stream);
                }
                else
                {
                    SarifReportWriter.Write(result, ToolInfo.Engine, stream);
                }

                stream.WriteByte((byte)'\n');
            }

            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temporary, path);
            return path;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
