using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PolicyKit.Gate.Tests;

/// <summary>Reads the parts of a JSON report (docs/json-report.md) that the tests look at.</summary>
internal static class JsonReport
{
    public static IReadOnlyList<JsonElement> Findings(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.Clone()).ToList();
    }

    public static JsonElement Root(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static string? File(JsonElement finding) => finding.GetProperty("location").GetProperty("file").GetString();

    public static int Line(JsonElement finding) => finding.GetProperty("location").GetProperty("line").GetInt32();

    public static int Column(JsonElement finding) => finding.GetProperty("location").GetProperty("column").GetInt32();

    public static string? Fingerprint(JsonElement finding) => finding.GetProperty("fingerprint").GetString();
}
