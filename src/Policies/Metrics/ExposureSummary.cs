using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Policies.Metrics;

/// <summary>Exposure windows of one severity: open, closed median and 90th percentile (days), and limit breaches.</summary>
public sealed class ExposureSummary
{
    public ExposureSummary(string severity, IReadOnlyList<ExposureWindow> windows)
    {
        Severity = severity;
        var closed = windows.Where(w => !w.Open).Select(w => w.Days).ToList();
        Open = windows.Count(w => w.Open);
        Closed = closed.Count;
        MedianClosedDays = Statistics.Median(closed);
        P90ClosedDays = Statistics.Percentile(closed, 90);
        Breaches = windows.Count(w => w.Breach);
        LimitDays = windows.Select(w => w.LimitDays).FirstOrDefault(l => l is not null);
    }

    public string Severity { get; }

    public int Open { get; }

    public int Closed { get; }

    public double? MedianClosedDays { get; }

    public double? P90ClosedDays { get; }

    public int Breaches { get; }

    public double? LimitDays { get; }
}
