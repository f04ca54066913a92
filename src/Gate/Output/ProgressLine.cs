using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using PolicyKit.Policies.Evaluation;

namespace PolicyKit.Gate.Output;

/// <summary>
/// A one-line progress indicator on standard error, for runs that last longer than a second: it appears only after
/// <see cref="Delay"/>, only when standard error is a terminal, and is erased before the report is written.
/// </summary>
internal sealed class ProgressLine : IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly EvaluationProgress progress;
    private readonly int fileCount;
    private readonly TextWriter error;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Timer? timer;
    private readonly object gate = new();
    private bool shown;
    private bool disposed;

    private ProgressLine(EvaluationProgress progress, int fileCount, TextWriter error, bool enabled)
    {
        this.progress = progress;
        this.fileCount = fileCount;
        this.error = error;
        if (enabled)
        {
            timer = new Timer(_ => Show(), null, Delay, Interval);
        }
    }

    /// <summary>Starts watching <paramref name="progress"/>; shows nothing unless standard error is a terminal.</summary>
    public static ProgressLine Start(EvaluationProgress progress, int fileCount) =>
        new(progress, fileCount, Console.Error, enabled: !Console.IsErrorRedirected);

    public void Dispose()
    {
        timer?.Dispose();
        lock (gate)
        {
            disposed = true;
            if (shown)
            {
                error.Write("\r\u001b[K");
                error.Flush();
            }
        }
    }

    private void Show()
    {
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            shown = true;
            error.Write($"\rpolicykit: judged {progress.FilesJudged} of {fileCount} files ({clock.Elapsed.TotalSeconds:0}s)\u001b[K");
            error.Flush();
        }
    }
}
