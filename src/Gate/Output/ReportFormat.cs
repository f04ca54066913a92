namespace PolicyKit.Gate.Output;

internal enum ReportFormat
{
    Console,
    Json,
    Sarif,
    Markdown,
    JUnit,
    OpenReports,
    PolicyReport,
}
