using System;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>The formats the exception register is written in.</summary>
public enum ExceptionReportFormat
{
    Markdown,
    Csv,
    Json,
    Html,
}

public static class ExceptionReportFormats
{
    public const string Choices = "markdown, csv, json or html";

    public static bool TryParse(string? text, out ExceptionReportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "markdown": case "md": format = ExceptionReportFormat.Markdown; return true;
            case "csv": format = ExceptionReportFormat.Csv; return true;
            case "json": format = ExceptionReportFormat.Json; return true;
            case "html": format = ExceptionReportFormat.Html; return true;
            default: format = default; return false;
        }
    }
}
