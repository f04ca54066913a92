namespace PolicyKit.Gate.Output;

internal enum ReportFormat
{
    Console,
    Json,
    Sarif,
}
