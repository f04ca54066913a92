namespace PolicyKit.Gate.Output;

/// <summary>How the console report is laid out for where it goes (a terminal, a pipe, a file).</summary>
/// <param name="Color">ANSI colours and styles; only on a terminal without NO_COLOR.</param>
/// <param name="Hyperlinks">OSC 8 links from rule ids to their documentation pages; only where colour is on.</param>
/// <param name="Width">Columns to fit each line into; null means no limit (one finding per line, for grep and editors).</param>
/// <param name="MaxFindings">How many findings to list before pointing to the JSON report; 0 lists all.</param>
/// <param name="Quiet">List no findings: only the summary tables and the verdict.</param>
internal sealed record ConsoleReportOptions(bool Color, bool Hyperlinks, int? Width, int MaxFindings, bool Quiet)
{
    public const int DefaultMaxFindings = 200;

    /// <summary>Plain, unlimited width, every finding listed: what a file or a test receives.</summary>
    public static ConsoleReportOptions Plain { get; } = new(false, false, null, 0, false);
}
