using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace PolicyKit.Bench;

/// <summary>Renders the measurements as Markdown, with a verdict on each target of the speed requirement.</summary>
internal static class Report
{
    public const int TargetResources = 10_000;
    public const double TargetMs = 1000;
    public const double TargetPeakMb = 300;
    public const double TargetRatio = 2.0;

    /// <summary>Per-resource time may grow this much from N to 2N and still count as linear (noise, GC, caches).</summary>
    public const double LinearTolerance = 1.15;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(BenchOptions options, string corpus, IReadOnlyList<SizeResult> results, Measurement? profile, string loadBefore)
    {
        var text = new StringBuilder();
        Line(text, "## Machine");
        Line(text);
        Line(text, $"- processors: {Environment.ProcessorCount} (engine and parallel parse use {results[0].Engine.Parallelism})");
        Line(text, $"- CPU: {CpuModel()}");
        Line(text, $"- runtime: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
        Line(text, $"- GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {(GCSettings.LatencyMode == GCLatencyMode.Interactive ? "concurrent" : GCSettings.LatencyMode.ToString())}");
        Line(text, $"- corpus: {corpus} (seed {options.Seed.ToString(Invariant)}, format v{CorpusGenerator.FormatVersion.ToString(Invariant)})");
        Line(text, $"- runs: each mode in {options.Processes.ToString(Invariant)} fresh processes; each process takes the median of {options.Runs.ToString(Invariant)} runs after at least {options.Warmups.ToString(Invariant)} warm-up run(s) and {options.WarmupSeconds.ToString(Invariant)} s of warm-up; the median process is reported (peak memory: the largest); packs: {string.Join(",", options.Packs)}");
        Line(text, $"- load average before / after: {loadBefore} / {ReadLoadAverage()}");
        Line(text);

        Line(text, "## Results");
        Line(text);
        Line(text, "| tenants | resources | files | parse ms, 1 thread | parse ms, parallel | engine ms | engine / parse (parallel) | resources/s | µs/resource | engine first run ms | peak MB engine | peak MB parse (parallel) | findings |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Line(text, $"| {N(r.Tenants)} | {N(r.Resources)} | {N(r.Engine.Files)} | {F(r.ParseSerial.MedianMs)} | {F(r.ParseParallel.MedianMs)} | {F(r.Engine.MedianMs)} | {r.Ratio.ToString("F2", Invariant)}× | {N((int)Math.Round(r.ResourcesPerSecond))} | {r.MicrosecondsPerResource.ToString("F1", Invariant)} | {F(r.Engine.FirstRunMs)} | {F(r.Engine.PeakMb)} | {F(r.ParseParallel.PeakMb)} | {N(r.Engine.Findings)}{(r.ExpectedFindings < 0 || r.Engine.Findings == r.ExpectedFindings ? string.Empty : $" (corpus holds {N(r.ExpectedFindings)})")} |");
        }

        Line(text);
        Line(text, "CPU time and allocation per run (medians):");
        Line(text);
        Line(text, "| tenants | engine CPU ms | engine GC pause ms | engine gen1/gen2 GCs | engine allocated MB | parse (parallel) CPU ms | parse GC pause ms | parse allocated MB | parse 1 thread / parallel | engine / parse (1 thread) |");
        Line(text, "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            Line(text, $"| {N(r.Tenants)} | {F(r.Engine.MedianCpuMs)} | {F(r.Engine.MedianGcPauseMs)} | {F(r.Engine.MedianGen1Collections)}/{F(r.Engine.MedianGen2Collections)} | {F(r.Engine.MedianAllocatedMb)} | {F(r.ParseParallel.MedianCpuMs)} | {F(r.ParseParallel.MedianGcPauseMs)} | {F(r.ParseParallel.MedianAllocatedMb)} | {(r.ParseSerial.MedianMs / r.ParseParallel.MedianMs).ToString("F2", Invariant)}× | {(r.Engine.MedianMs / r.ParseSerial.MedianMs).ToString("F2", Invariant)}× |");
        }

        Line(text);
        if (options.Processes > 1)
        {
            Line(text, "Median time of each process, fastest first (ms): the spread between processes of the same mode:");
            Line(text);
            Line(text, "| tenants | parse 1 thread | parse parallel | engine |");
            Line(text, "|---:|---|---|---|");
            foreach (var r in results)
            {
                Line(text, $"| {N(r.Tenants)} | {Spread(r.ParseSerial)} | {Spread(r.ParseParallel)} | {Spread(r.Engine)} |");
            }

            Line(text);
        }

        if (MachineLoad.Available)
        {
            Line(text, "Other processes' share of the machine's CPUs while the reported process of each mode ran (builds, tests, VM steal; 0 % is a quiet machine):");
            Line(text);
            Line(text, "| tenants | parse 1 thread | parse parallel | engine |");
            Line(text, "|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                Line(text, $"| {N(r.Tenants)} | {P(r.ParseSerial.OtherLoad)} | {P(r.ParseParallel.OtherLoad)} | {P(r.Engine.OtherLoad)} |");
            }

            Line(text);
        }

        Verdicts(text, options, results);
        if (profile?.Phases is { } phases)
        {
            Line(text);
            Line(text, $"## Profile ({N(profile.Tenants)} tenants, {N(profile.Resources)} resources, one thread)");
            Line(text);
            if (!double.IsNaN(profile.OtherLoad))
            {
                Line(text, $"Other processes used {P(profile.OtherLoad)} of the machine's CPUs while the profile ran.");
                Line(text);
            }

            Line(text, "| phase | median ms | of which GC pause ms | allocated MB | covers |");
            Line(text, "|---|---:|---:|---:|---|");
            foreach (var phase in phases)
            {
                Line(text, $"| {phase.Name.Replace("  ", "&nbsp;&nbsp;", StringComparison.Ordinal)} | {F(phase.MedianMs)} | {F(phase.GcPauseMs)} | {F(phase.AllocatedMb)} | {phase.Covers} |");
            }

            Line(text);
            Line(text, $"Peak memory of the profile process: {F(profile.PeakMb)} MB.");
        }

        return text.ToString();
    }

    private static void Verdicts(StringBuilder text, BenchOptions options, IReadOnlyList<SizeResult> results)
    {
        var main = results.First(r => r.Tenants == options.Tenants);
        Line(text, $"## Targets (at {N(main.Tenants)} tenants, {N(main.Resources)} resources)");
        Line(text);
        Line(text, "| target | measured | verdict |");
        Line(text, "|---|---|---|");

        // Judged per 10,000 resources, so a corpus a little over or under 10,000 is neither flattered nor penalised.
        var projected = main.MicrosecondsPerResource * TargetResources / 1000.0;
        var timeMet = projected < TargetMs;
        Line(text, $"| {N(TargetResources)} resources in under 1 s on {Environment.ProcessorCount} cores | {F(main.Engine.MedianMs)} ms for {N(main.Resources)} resources ({F(projected)} ms per 10,000); first run in a fresh process {F(main.Engine.FirstRunMs)} ms | {Verdict(timeMet)} |");
        Line(text, $"| peak memory under {F(TargetPeakMb)} MB | {F(main.Engine.PeakMb)} MB (VmHWM of the engine process; YamlDotNet parse-only process: {F(main.ParseParallel.PeakMb)} MB) | {Verdict(main.Engine.PeakMb < TargetPeakMb)} |");

        if (results.Count >= 3)
        {
            // Linearity is a property of the algorithm, so it is judged on the fastest process of each size: the one
            // least disturbed by other work and by how the VM placed its threads. The median process is shown too.
            var fastest = Linearity(results, r => r.Engine.ProcessMediansMs.Count > 0 ? r.Engine.ProcessMediansMs[0] : r.Engine.MedianMs, main);
            var median = Linearity(results, r => r.Engine.MedianMs, main);
            Line(text, $"| cost grows linearly with resources | fastest process: {fastest.Text}. Median process: {median.Text} | {Verdict(fastest.Linear)}{(median.Linear ? string.Empty : " (the median processes alone would miss it)")} |");
        }
        else
        {
            Line(text, "| cost grows linearly with resources | not measured (run with --scaling) | — |");
        }

        var fastestParse = Math.Min(main.ParseSerial.MedianMs, main.ParseParallel.MedianMs);
        Line(text, $"| whole check ≤ {TargetRatio.ToString("F0", Invariant)}× YamlDotNet parse-only | {main.Ratio.ToString("F2", Invariant)}× the parallel parse ({F(main.Engine.MedianMs)} / {F(main.ParseParallel.MedianMs)} ms); {(main.Engine.MedianMs / main.ParseSerial.MedianMs).ToString("F2", Invariant)}× the single-threaded parse; {(main.Engine.MedianMs / fastestParse).ToString("F2", Invariant)}× the faster of the two | {Verdict(main.Ratio <= TargetRatio)} (vs the parallel parse){(main.Engine.MedianMs / fastestParse <= TargetRatio ? string.Empty : "; missed against the faster parse")} |");
        Line(text);
        Line(text, "The time target is judged per 10,000 resources (µs per resource × 10,000), the memory target on the engine process's VmHWM, and the ratio on medians of the same corpus read from disk by both sides.");
    }

    private static (bool Linear, string Text) Linearity(IReadOnlyList<SizeResult> results, Func<SizeResult, double> milliseconds, SizeResult main)
    {
        double PerResource(SizeResult r) => milliseconds(r) * 1000.0 / Math.Max(1, r.Resources);
        var (slope, intercept, r2) = Fit(results.Select(r => ((double)r.Resources, milliseconds(r))).ToList());
        var largest = results[results.Count - 1];
        var growth = PerResource(largest) / PerResource(main);
        var perResource = string.Join(", ", results.Select(r => $"{N(r.Resources)}: {PerResource(r).ToString("F1", Invariant)} µs"));
        var text = $"µs per resource {perResource}; {N(largest.Resources)} vs {N(main.Resources)}: ×{growth.ToString("F2", Invariant)} per resource; fit ms = {intercept.ToString("F1", Invariant)} + {(slope * 1000).ToString("F1", Invariant)} µs × resources, R² = {r2.ToString("F4", Invariant)}";
        return (growth <= LinearTolerance && r2 >= 0.99, text);
    }

    private static (double Slope, double Intercept, double RSquared) Fit(IReadOnlyList<(double X, double Y)> points)
    {
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var sxy = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var sxx = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        var slope = sxy / sxx;
        var intercept = meanY - slope * meanX;
        var residual = points.Sum(p => Math.Pow(p.Y - (intercept + slope * p.X), 2));
        var total = points.Sum(p => Math.Pow(p.Y - meanY, 2));
        return (slope, intercept, total == 0 ? 1 : 1 - residual / total);
    }

    internal static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (File.Exists(CpuInfo))
        {
            var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line.Substring(line.IndexOf(':') + 1).Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The 1-minute load average: other work on the machine shows up here and in the timings.</summary>
    public static string ReadLoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        return File.Exists(LoadAverageFile) ? File.ReadAllText(LoadAverageFile).Split(' ')[0] : "n/a";
    }

    private static string Verdict(bool met) => met ? "**met**" : "**missed**";

    private static string Spread(Measurement measurement) => string.Join(" / ", measurement.ProcessMediansMs.Select(F));

    private static string P(double fraction) => double.IsNaN(fraction) ? "—" : (fraction * 100).ToString("F0", Invariant) + " %";

    private static string N(int value) => value.ToString("N0", Invariant);

    private static string F(double value) => double.IsNaN(value) ? "—" : value.ToString(value >= 100 ? "F0" : "F1", Invariant);

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
