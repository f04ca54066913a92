using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PolicyKit.Bench;

/// <summary>
/// <c>--cold</c>: the gate as users run it against YamlDotNet alone, both as fresh processes. For each input (the sample,
/// then each corpus size) it runs the published native gate (every default pack, a JSON report to a file) and the
/// published parse-only program over the same folders, alternating gate/parse so that both sides see the same machine,
/// and reports per side the median wall time, user+system CPU time and peak RSS (from <c>wait4</c>), the median of the
/// per-pair ratios, and the machine's load meanwhile. One unmeasured pair per input warms the page cache.
/// </summary>
internal static class ColdHarness
{
    /// <summary>Target: 10k resources in at most this share of the parse-only process's wall time, and under 0.5 s.</summary>
    public const double TargetRatio = 0.5;
    public const double TargetTenThousandMs = 500;
    public const double TargetSampleMs = 50;
    public const double TargetPeakMb = 300;
    public const double TargetPeakGrowth = 1.5;
    public const double LinearTolerance = 0.2;

    /// <summary>Below this 1-minute load average (2 CPUs) a run counts as quiet enough to judge wall-time targets.</summary>
    public const double QuietLoadAverage = 1.5;

    public const string SampleFolder = "samples/odoo-distribution";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static int Run(BenchOptions options)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("error: --cold measures processes with posix_spawn/wait4 and reads /proc: Linux only");
            return 2;
        }

        var root = RepositoryRoot();
        var gate = options.GatePath ?? Publish(root, "src/Gate", "-r", "linux-x64", Path.Combine("src", "Gate", "bin", "Release", "net10.0", "linux-x64", "publish", "policykit"));
        var parseOnly = options.ParseOnlyPath ?? Publish(root, "bench/PolicyKit.ParseOnly", null, null, Path.Combine("bench", "PolicyKit.ParseOnly", "bin", "Release", "net10.0", "publish", "PolicyKit.ParseOnly"));
        var corpus = options.Corpus;
        var written = new CorpusGenerator(options.Seed).EnsureCorpus(corpus, options.ColdTenants.Max());
        Console.Error.WriteLine(written == 0 ? $"corpus: reusing {corpus}" : $"corpus: wrote {written} tenants to {corpus}");

        var report = Path.Combine(Path.GetTempPath(), $"policykit-cold-{Environment.ProcessId.ToString(Invariant)}.json");
        var inputs = new List<ColdInput> { new("sample", Path.Combine(root, SampleFolder), new[] { "." }) };
        inputs.AddRange(options.ColdTenants.Select(t => new ColdInput(t.ToString(Invariant) + " tenants", corpus, CorpusGenerator.TenantFolders(t))));

        var results = new List<ColdResult>();
        foreach (var input in inputs)
        {
            Console.Error.WriteLine($"measuring {input.Name}: {options.Runs} gate/parse pairs after one unmeasured pair...");
            results.Add(Measure(input, gate, parseOnly, report, options));
        }

        File.Delete(report);
        Console.Out.Write(Render(options, gate, parseOnly, corpus, results));
        return 0;
    }

    private static ColdResult Measure(ColdInput input, string gate, string parseOnly, string report, BenchOptions options)
    {
        var gateArguments = new List<string> { "check" };
        gateArguments.AddRange(input.Folders);
        gateArguments.AddRange(new[] { "--format", "json", "--output", report, "--fail-on", "none" });

        MachineLoad.WaitForQuiet(0.15, TimeSpan.FromSeconds(options.MaxWaitSeconds));
        RunChecked(gate, gateArguments, input);
        var (files, resources) = ReadSummary(report);
        var (parsedFiles, documents) = ParseOnlyOutput(RunChecked(parseOnly, input.Folders, input));

        var loads = new List<double> { LoadAverage() };
        var before = MachineLoad.Read();
        var clock = Stopwatch.StartNew();
        var gateRuns = new List<ProcessCost>();
        var parseRuns = new List<ProcessCost>();
        for (var i = 0; i < options.Runs; i++)
        {
            gateRuns.Add(RunChecked(gate, gateArguments, input));
            parseRuns.Add(RunChecked(parseOnly, input.Folders, input));
            loads.Add(LoadAverage());
        }

        clock.Stop();
        var busy = MachineLoad.BusyFraction(before, MachineLoad.Read());
        var own = (gateRuns.Sum(r => r.CpuMs) + parseRuns.Sum(r => r.CpuMs)) / (clock.Elapsed.TotalMilliseconds * Environment.ProcessorCount);
        return new ColdResult(input.Name, files, resources, parsedFiles, documents, gateRuns, parseRuns, loads.Min(), loads.Max(), Math.Max(0, busy - own));
    }

    private static ProcessCost RunChecked(string program, IReadOnlyList<string> arguments, ColdInput input)
    {
        var cost = SpawnedProcess.Run(program, arguments, input.WorkingDirectory);
        if (cost.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} on {input.Name} exited with {cost.ExitCode}:\n{cost.StandardError}");
        }

        return cost;
    }

    private static (int Files, int Resources) ReadSummary(string report)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(report));
        var summary = json.RootElement.GetProperty("summary");
        return (summary.GetProperty("filesScanned").GetInt32(), summary.GetProperty("resourcesEvaluated").GetInt32());
    }

    private static (int Files, int Documents) ParseOnlyOutput(ProcessCost cost)
    {
        var fields = cost.StandardOutput.Trim().Split(' ');
        return (int.Parse(fields[0], Invariant), int.Parse(fields[1], Invariant));
    }

    /// <summary>Publishes a project from the current sources, so the run measures this commit (--gate/--parse-only skip it).</summary>
    private static string Publish(string root, string project, string? option, string? value, string output)
    {
        var executable = Path.Combine(root, output);
        var arguments = new List<string> { "publish", project, "-c", "Release" };
        if (option is not null && value is not null)
        {
            arguments.AddRange(new[] { option, value });
        }

        Console.Error.WriteLine($"publishing: dotnet {string.Join(" ", arguments)}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet publish");
        var errors = process.StandardError.ReadToEndAsync();
        var standardOutput = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(executable))
        {
            throw new InvalidOperationException($"dotnet {string.Join(" ", arguments)} failed ({process.ExitCode}):\n{standardOutput}\n{errors.Result}");
        }

        return executable;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PolicyKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("run --cold from inside the PolicyKit repository (it publishes src/Gate and reads samples/)");
    }

    private static double LoadAverage() =>
        double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], Invariant);

    private static string Render(BenchOptions options, string gate, string parseOnly, string corpus, IReadOnlyList<ColdResult> results)
    {
        var text = new StringBuilder();
        text.Append("## Fresh processes: native gate against parse-only\n\n");
        text.Append(Invariant, $"- gate: `{gate}` (check, every default pack, `--format json --output FILE --fail-on none`)\n");
        text.Append(Invariant, $"- parse-only: `{parseOnly}` (find, read, YamlDotNet `YamlStream.Load`, {Environment.ProcessorCount} threads)\n");
        text.Append(Invariant, $"- corpus: {corpus}; {options.Runs} alternating pairs per input after one unmeasured pair; medians\n");
        text.Append(Invariant, $"- processors: {Environment.ProcessorCount}; CPU: {Report.CpuModel()}\n\n");
        text.Append("| input | sources judged (gate) / files parsed | resources | gate wall ms | parse wall ms | gate / parse wall (median of pairs) | gate CPU ms | parse CPU ms | gate / parse CPU | µs/resource (gate wall) | µs/resource (gate CPU) | gate peak RSS MB | parse peak RSS MB | load average (1 min) | other processes |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
        foreach (var r in results)
        {
            text.Append(Invariant, $"| {r.Name} | {r.Files} / {r.ParsedFiles} | {r.Resources:N0} | {r.GateWallMs:F0} | {r.ParseWallMs:F0} | {r.WallRatio:F2}× | {r.GateCpuMs:F0} | {r.ParseCpuMs:F0} | {r.CpuRatio:F2}× | {r.WallPerResource:F1} | {r.CpuPerResource:F1} | {r.GatePeakMb:F1} | {r.ParsePeakMb:F1} | {r.LoadMin:F2}–{r.LoadMax:F2} | {r.OtherLoad:P0} |\n");
        }

        text.Append("\nEach pair's gate / parse wall ratio, in run order:\n\n");
        foreach (var r in results)
        {
            text.Append(Invariant, $"- {r.Name}: {string.Join(" ", r.PairRatios.Select(x => x.ToString("F2", Invariant)))} (gate wall ms: {string.Join(" ", r.GateRuns.Select(x => x.WallMs.ToString("F0", Invariant)))})\n");
        }

        text.Append(Verdicts(results));
        return text.ToString();
    }

    private static string Verdicts(IReadOnlyList<ColdResult> results)
    {
        var text = new StringBuilder("\n## Targets (issue 15)\n\n");
        var quiet = results.All(r => r.LoadMax < QuietLoadAverage);
        if (!quiet)
        {
            text.Append(Invariant, $"**The machine was not quiet** (1-minute load average up to {results.Max(r => r.LoadMax):F1}, ≥ {QuietLoadAverage:F1}): the wall-time lines below are measurements under load, not verdicts.\n\n");
        }

        var sample = results.FirstOrDefault(r => r.Name == "sample");
        var corpora = results.Where(r => r.Name != "sample").OrderBy(r => r.Resources).ToList();
        var tenThousand = corpora.Where(r => Math.Abs(r.Resources - 10_000) <= 2_000).OrderBy(r => Math.Abs(r.Resources - 10_000)).FirstOrDefault();
        if (tenThousand is not null)
        {
            var met = tenThousand.WallRatio <= TargetRatio && tenThousand.GateWallMs < TargetTenThousandMs;
            text.Append(Invariant, $"- {tenThousand.Resources:N0} resources: gate {tenThousand.GateWallMs:F0} ms, {tenThousand.WallRatio:F2}× parse-only (target ≤ {TargetRatio:F1}× and < {TargetTenThousandMs:F0} ms): {Verdict(met, quiet)}\n");
        }

        if (sample is not null)
        {
            text.Append(Invariant, $"- sample: gate {sample.GateWallMs:F1} ms (target < {TargetSampleMs:F0} ms): {Verdict(sample.GateWallMs < TargetSampleMs, quiet)}\n");
        }

        var largest = corpora.LastOrDefault();
        if (largest is not null && tenThousand is not null && largest != tenThousand)
        {
            var growth = largest.GatePeakMb / tenThousand.GatePeakMb;
            var met = largest.GatePeakMb <= TargetPeakMb && growth <= TargetPeakGrowth;
            text.Append(Invariant, $"- peak RSS {largest.Resources:N0} resources: {largest.GatePeakMb:F1} MB, {growth:F2}× the {tenThousand.Resources:N0}-resource peak (target ≤ {TargetPeakMb:F0} MB and ≤ {TargetPeakGrowth:F1}×): {(met ? "met" : "not met")}\n");
        }

        if (corpora.Count >= 2)
        {
            var wall = corpora.Select(r => r.WallPerResource).ToList();
            var cpu = corpora.Select(r => r.CpuPerResource).ToList();
            var wallSpread = Spread(wall);
            var cpuSpread = Spread(cpu);
            text.Append(Invariant, $"- linear cost from {corpora[0].Resources:N0} to {largest!.Resources:N0} resources: wall µs/resource within ±{wallSpread:P0} of their mean, CPU µs/resource within ±{cpuSpread:P0} (target ±{LinearTolerance:P0}): {Verdict(wallSpread <= LinearTolerance, quiet)}\n");
        }

        return text.ToString();
    }

    private static double Spread(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Max(v => Math.Abs(v - mean)) / mean;
    }

    private static string Verdict(bool met, bool quiet) => (met, quiet) switch
    {
        (true, true) => "met",
        (false, true) => "not met",
        (true, false) => "met under load (confirm on a quiet machine)",
        _ => "not met under load (not a verdict)",
    };

    private sealed record ColdInput(string Name, string WorkingDirectory, IReadOnlyList<string> Folders);

    private sealed record ColdResult(string Name, int Files, int Resources, int ParsedFiles, int Documents, IReadOnlyList<ProcessCost> GateRuns, IReadOnlyList<ProcessCost> ParseRuns, double LoadMin, double LoadMax, double OtherLoad)
    {
        public double GateWallMs => Median(GateRuns.Select(r => r.WallMs));

        public double ParseWallMs => Median(ParseRuns.Select(r => r.WallMs));

        public double GateCpuMs => Median(GateRuns.Select(r => r.CpuMs));

        public double ParseCpuMs => Median(ParseRuns.Select(r => r.CpuMs));

        public IReadOnlyList<double> PairRatios => GateRuns.Zip(ParseRuns, (g, p) => g.WallMs / p.WallMs).ToList();

        public double WallRatio => Median(PairRatios);

        public double CpuRatio => Median(GateRuns.Zip(ParseRuns, (g, p) => g.CpuMs / p.CpuMs));

        public double WallPerResource => GateWallMs * 1000 / Resources;

        public double CpuPerResource => GateCpuMs * 1000 / Resources;

        public double GatePeakMb => GateRuns.Max(r => r.PeakRssKb) / 1024.0;

        public double ParsePeakMb => ParseRuns.Max(r => r.PeakRssKb) / 1024.0;

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
