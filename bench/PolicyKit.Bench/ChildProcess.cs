using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace PolicyKit.Bench;

/// <summary>Starts this program again in a fresh process for one mode and reads back its <see cref="Measurement"/>.</summary>
internal static class ChildProcess
{
    /// <summary>Below this share of busy CPUs the machine counts as quiet enough to start a measurement.</summary>
    private const double QuietThreshold = 0.15;

    /// <summary>Above this share of the CPUs used by other processes during a measurement, it is taken again.</summary>
    private const double DisturbedThreshold = 0.10;

    /// <summary>
    /// Measures a mode, and measures it again (up to <see cref="BenchOptions.Retries"/> times) when other processes
    /// took more than <see cref="DisturbedThreshold"/> of the machine meanwhile; keeps the least disturbed attempt.
    /// </summary>
    /// <summary>
    /// Measures a mode in <see cref="BenchOptions.Processes"/> fresh processes and keeps the median process (by median
    /// time), with the largest peak memory of them all. How fast a process settles can differ from one process to the
    /// next (see docs/performance.md), so one process is not enough to tell a trend from luck.
    /// </summary>
    public static Measurement RunMedianProcess(string mode, BenchOptions options, int tenants)
    {
        var measurements = Enumerable.Range(0, options.Processes).Select(_ => RunUndisturbed(mode, options, tenants)).OrderBy(m => m.MedianMs).ToList();
        var median = measurements[(measurements.Count - 1) / 2];
        return median with
        {
            PeakKb = measurements.Max(m => m.PeakKb),
            ProcessMediansMs = measurements.Select(m => m.MedianMs).ToList(),
        };
    }

    public static Measurement RunUndisturbed(string mode, BenchOptions options, int tenants)
    {
        var best = Run(mode, options, tenants);
        for (var attempt = 0; attempt < options.Retries && best.OtherLoad > DisturbedThreshold; attempt++)
        {
            Console.Error.WriteLine($"  {mode}: other processes used {best.OtherLoad:P0} of the machine during the measurement; measuring again");
            var again = Run(mode, options, tenants);
            if (again.OtherLoad < best.OtherLoad)
            {
                best = again;
            }
        }

        return best;
    }

    public static Measurement Run(string mode, BenchOptions options, int tenants)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("the bench cannot find its own executable"),
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };

        // Started as `dotnet PolicyKit.Bench.dll`, the process path is the dotnet host: pass the assembly again.
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        foreach (var argument in new[]
        {
            "--mode", mode,
            "--corpus", options.Corpus,
            "--tenants", tenants.ToString(CultureInfo.InvariantCulture),
            "--runs", options.Runs.ToString(CultureInfo.InvariantCulture),
            "--warmup", options.Warmups.ToString(CultureInfo.InvariantCulture),
            "--warmup-seconds", options.WarmupSeconds.ToString(CultureInfo.InvariantCulture),
            "--seed", options.Seed.ToString(CultureInfo.InvariantCulture),
            "--packs", string.Join(",", options.Packs),
        })
        {
            start.ArgumentList.Add(argument);
        }

        MachineLoad.WaitForQuiet(QuietThreshold, TimeSpan.FromSeconds(options.MaxWaitSeconds));
        var loadBefore = MachineLoad.Read();
        var clock = Stopwatch.StartNew();
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the measuring process");
        var output = child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        clock.Stop();
        var busy = MachineLoad.BusyFraction(loadBefore, MachineLoad.Read());
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"--mode {mode} --tenants {tenants} failed with exit code {child.ExitCode}:\n{output}");
        }

        var line = output.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("{", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"--mode {mode} printed no result:\n{output}");
        var measurement = JsonSerializer.Deserialize<Measurement>(line, ChildMode.Json)
            ?? throw new InvalidOperationException($"--mode {mode} printed an empty result");

        // What the machine did beyond the child's own CPU time over the child's lifetime: builds, tests, other VMs (steal).
        var own = measurement.ProcessCpuMs / (clock.Elapsed.TotalMilliseconds * Environment.ProcessorCount);
        return measurement with { OtherLoad = MachineLoad.Available ? Math.Max(0, busy - own) : double.NaN };
    }
}
