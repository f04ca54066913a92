using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PolicyKit.Policies.Reports;

/// <summary>Shared JSON output settings: indented, UTF-8, and without escaping readable characters such as quotes.</summary>
internal static class ReportJson
{
    public static Utf8JsonWriter CreateWriter(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
