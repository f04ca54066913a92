using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Bench;

/// <summary>What a child process reports for one mode: the corpus it saw, every run, and its peak memory.</summary>
internal sealed record Measurement(
    string Mode,
    int Tenants,
    int Parallelism,
    int Files,
    int Documents,
    int Resources,
    int Findings,
    int ParseErrors,
    double FirstRunMs,
    IReadOnlyList<double> RunsMs,
    double MedianMs,
    double MedianCpuMs,
    double MedianAllocatedMb,
    double MedianGcPauseMs,
    double MedianGen1Collections,
    double MedianGen2Collections,
    double ProcessCpuMs,
    long PeakKb,
    IReadOnlyList<Phase>? Phases)
{
    public double PeakMb => PeakKb / 1024.0;

    /// <summary>The share of the machine's CPUs that other processes used while this mode's process ran (set by the harness).</summary>
    public double OtherLoad { get; init; } = double.NaN;

    /// <summary>The median time of every process that measured this mode, fastest first (set by the harness).</summary>
    public IReadOnlyList<double> ProcessMediansMs { get; init; } = Array.Empty<double>();

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>One line of the profile breakdown: a phase's median time on one thread, and what it covers.</summary>
internal sealed record Phase(string Name, double MedianMs, double AllocatedMb, double GcPauseMs, string Covers);

/// <summary>The three measured modes at one corpus size.</summary>
internal sealed record SizeResult(int Tenants, Measurement ParseSerial, Measurement ParseParallel, Measurement Engine, int ExpectedFindings)
{
    public int Resources => Engine.Resources;

    public double Ratio => Engine.MedianMs / ParseParallel.MedianMs;

    public double ResourcesPerSecond => Resources / (Engine.MedianMs / 1000.0);

    public double MicrosecondsPerResource => Engine.MedianMs * 1000.0 / Math.Max(1, Resources);
}
