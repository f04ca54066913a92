using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports;

/// <summary>
/// Shared JSON output: indented UTF-8 without escaping readable characters such as quotes, and the blocks every report
/// carries the same way (the tool, and the rule packs that judged).
/// </summary>
internal static class ReportJson
{
    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void WriteTool(Utf8JsonWriter json, ToolInfo tool)
    {
        json.WriteStartObject("tool");
        json.WriteString("name", tool.Name);
        json.WriteString("version", tool.Version);
        json.WriteEndObject();
    }

    /// <summary>Each pack's name, version and content hash: what lets an auditor tell exactly which rules judged.</summary>
    public static void WriteRulePacks(Utf8JsonWriter json, IEnumerable<RulePack> packs)
    {
        json.WriteStartArray("rulePacks");
        foreach (var pack in packs)
        {
            json.WriteStartObject();
            json.WriteString("name", pack.Name);
            json.WriteString("version", pack.Version.ToString());
            json.WriteString("sha256", pack.Sha256);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
