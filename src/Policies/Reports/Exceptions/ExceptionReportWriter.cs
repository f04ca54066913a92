using System.IO;
using System.Text;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>Writes the exception register in a chosen format; text formats are UTF-8 without a byte order mark.</summary>
public static class ExceptionReportWriter
{
    public static void Write(ExceptionRegister register, ExceptionReportFormat format, ToolInfo tool, Stream stream)
    {
        if (format == ExceptionReportFormat.Json)
        {
            JsonExceptionReport.Write(register, tool, stream);
            stream.WriteByte((byte)'\n');
            return;
        }

        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
        switch (format)
        {
            case ExceptionReportFormat.Csv:
                CsvExceptionReport.Write(register, writer);
                break;
            case ExceptionReportFormat.Html:
                HtmlExceptionReport.Write(register, tool, writer);
                break;
            default:
                MarkdownExceptionReport.Write(register, tool, writer);
                break;
        }
    }
}
