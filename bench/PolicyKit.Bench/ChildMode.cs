using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolicyKit.Bench;

/// <summary>
/// The measuring side: runs one mode in this (fresh) process — warm-up runs (at least <c>--warmup</c> of them and
/// <c>--warmup-seconds</c>), then <c>--runs</c> measured runs — and writes a <see cref="Measurement"/> as one JSON line
/// on standard output, with the process's peak memory.
/// </summary>
internal static class ChildMode
{
    /// <summary>Enough for tiering to settle on the smallest corpora; bounds the time a tiny corpus spends warming up.</summary>
    private const int MaxWarmups = 100;

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static int Run(BenchOptions options)
    {
        var corpus = options.Corpus;
        var folders = CorpusGenerator.TenantFolders(options.Tenants);
        Measurement measurement;
        if (options.Mode == Modes.Profile)
        {
            measurement = Profiler.Run(corpus, folders, options.Warmups, options.Runs, options.Tenants);
        }
        else
        {
            Func<WorkloadOutcome> workload = options.Mode switch
            {
                Modes.ParseSerial => () => Workloads.ParseOnly(corpus, folders, parallel: false),
                Modes.ParseParallel => () => Workloads.ParseOnly(corpus, folders, parallel: true),
                Modes.Engine => () => Workloads.Engine(corpus, folders, options.Packs),
                _ => throw new ArgumentException($"unknown mode {options.Mode}"),
            };
            measurement = Measure(options.Mode!, options.Tenants, options.Warmups, options.WarmupSeconds, options.Runs, workload);
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(measurement, Json));
        return 0;
    }

    private static Measurement Measure(string mode, int tenants, int warmups, double warmupSeconds, int runs, Func<WorkloadOutcome> workload)
    {
        // The first run in a fresh process pays for JIT, type loading and (engine) the built-in rule catalog:
        // roughly what one `policykit check` invocation pays. It is reported, not counted in the median; it is the
        // first of the warm-up runs.
        var first = Timed(workload);
        var outcome = first.Outcome;

        // Tiered compilation keeps recompiling hot methods for a while after the first run; a short corpus would be
        // measured half-compiled after one warm-up run. So warm up for at least `warmups` runs and WarmupSeconds.
        var warmupClock = Stopwatch.StartNew();
        var extraWarmups = 0;
        while (extraWarmups < warmups - 1 || (warmupClock.Elapsed.TotalSeconds < warmupSeconds && extraWarmups < MaxWarmups))
        {
            var timed = Timed(workload);
            if (timed.Outcome != outcome)
            {
                throw new InvalidOperationException($"{mode}: a warm-up run saw {timed.Outcome}, the first run saw {outcome}");
            }

            extraWarmups++;
        }

        var times = new List<double>(runs);
        var cpu = new List<double>(runs);
        var allocated = new List<double>(runs);
        var pauses = new List<double>(runs);
        var gen1 = new List<double>(runs);
        var gen2 = new List<double>(runs);
        for (var run = 0; run < runs; run++)
        {
            var timed = Timed(workload);
            if (timed.Outcome != outcome)
            {
                throw new InvalidOperationException($"{mode}: run {run + 1} saw {timed.Outcome}, the first run saw {outcome}");
            }

            times.Add(timed.WallMs);
            cpu.Add(timed.CpuMs);
            allocated.Add(timed.AllocatedMb);
            pauses.Add(timed.GcPauseMs);
            gen1.Add(timed.Gen1Collections);
            gen2.Add(timed.Gen2Collections);
        }

        return new Measurement(
            mode,
            tenants,
            Workloads.Parallelism,
            outcome.Files,
            outcome.Documents,
            outcome.Resources,
            outcome.Findings,
            outcome.ParseErrors,
            first.WallMs,
            times,
            Measurement.Median(times),
            Measurement.Median(cpu),
            Measurement.Median(allocated),
            Measurement.Median(pauses),
            Measurement.Median(gen1),
            Measurement.Median(gen2),
            ProcessCpuMs(),
            PeakMemory.ReadKilobytes(),
            null);
    }

    /// <summary>All CPU time this process has used so far, warm-up and start-up included.</summary>
    internal static double ProcessCpuMs()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalMilliseconds;
    }

    internal static TimedRun<T> Timed<T>(Func<T> work)
    {
        // Start every run from a collected heap so one run's garbage is not billed to the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var pauseBefore = GC.GetTotalPauseDuration();
        var gen1Before = GC.CollectionCount(1);
        var gen2Before = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var outcome = work();
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var pause = GC.GetTotalPauseDuration() - pauseBefore;
        self.Refresh();
        var cpu = self.TotalProcessorTime - cpuBefore;
        return new TimedRun<T>(
            outcome,
            clock.Elapsed.TotalMilliseconds,
            cpu.TotalMilliseconds,
            allocated / (1024.0 * 1024.0),
            pause.TotalMilliseconds,
            GC.CollectionCount(1) - gen1Before,
            GC.CollectionCount(2) - gen2Before);
    }

    /// <summary>One timed run: wall and CPU time, allocation, and the garbage collector's share of it.</summary>
    internal sealed record TimedRun<T>(T Outcome, double WallMs, double CpuMs, double AllocatedMb, double GcPauseMs, int Gen1Collections, int Gen2Collections);
}
