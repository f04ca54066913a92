using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using PolicyKit.Bench;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Discovery;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Provenance.Evidence;

namespace PolicyKit.Provenance.Bench;

/// <summary>
/// Runs the check <c>policykit check</c> runs (discovery, evidence split, engine) over the directory
/// <see cref="CorpusEvidence"/> wrote, alternately without a provenance policy (<c>base.yaml</c>, the corpus only) and
/// with one (<c>provenance.yaml</c>, corpus and evidence), in one warm process, and reports wall and process CPU time
/// of each and how many bundles the provenance run verified. Each provenance run builds a new evidence index, so it
/// verifies every digest again, as a new gate process would.
/// </summary>
internal static class CorpusCheckTiming
{
    public static int Run(string directory, int runs)
    {
        directory = Path.GetFullPath(directory);
        var baseConfig = PolicyConfigLoader.Load(Path.Combine(directory, "base.yaml"), "base.yaml");
        var provenanceConfig = PolicyConfigLoader.Load(Path.Combine(directory, "provenance.yaml"), "provenance.yaml");
        var baseline = new List<(double Wall, double Cpu)>();
        var provenance = new List<(double Wall, double Cpu)>();
        var verifications = 0;
        var resources = 0;
        var findings = (Base: 0, Provenance: 0);
        var machineBefore = MachineLoad.Read();
        var total = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var run = 0; run <= runs; run++)
        {
            // Run 0 of each warms the process up and is not kept.
            var (wall, cpu, result, _) = Check(directory, baseConfig, new[] { "corpus" });
            findings.Base = result.Findings.Count;
            if (run > 0)
            {
                baseline.Add((wall, cpu));
            }

            var (provenanceWall, provenanceCpu, provenanceResult, evidence) = Check(directory, provenanceConfig, new[] { "corpus", "evidence" });
            findings.Provenance = provenanceResult.Findings.Count;
            resources = provenanceResult.ResourcesEvaluated;
            verifications = evidence!.BundleVerifications;
            if (run > 0)
            {
                provenance.Add((provenanceWall, provenanceCpu));
            }
        }

        process.Refresh();
        var ownShare = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / (total.Elapsed.TotalMilliseconds * Environment.ProcessorCount);
        var otherLoad = Math.Max(0, MachineLoad.BusyFraction(machineBefore, MachineLoad.Read()) - ownShare);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{resources} resources; {runs} measured runs of each after one warm-up; other processes used {otherLoad:P0} of the machine's {Environment.ProcessorCount} CPUs"));
        Console.WriteLine("| policy | wall ms (median, min–max) | process CPU ms (median, min–max) | findings | bundles verified |");
        Console.WriteLine("|---|---|---|---:|---:|");
        Console.WriteLine(Row("no provenance policy (`base.yaml`)", baseline, findings.Base, "—"));
        Console.WriteLine(Row("provenance required (`provenance.yaml`)", provenance, findings.Provenance, verifications.ToString(CultureInfo.InvariantCulture)));
        return 0;
    }

    private static (double Wall, double Cpu, EvaluationResult Result, BundleEvidenceIndex? Evidence) Check(string directory, PolicyConfig config, string[] paths)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var sources = RepositoryDiscovery.Discover(paths, config, directory, DiscoveryOptions.Default).Sources;
        BundleEvidenceIndex? evidence = null;
        var manifests = sources;
        if (config.Provenance is { } settings)
        {
            (manifests, evidence) = EvidenceLoader.Split(sources, paths, config, settings, directory);
        }

        var result = PolicyEngine.Evaluate(new EvaluationRequest(manifests, config) { Evidence = evidence });
        clock.Stop();
        process.Refresh();
        return (clock.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds, result, evidence);
    }

    private static string Row(string name, List<(double Wall, double Cpu)> runs, int findings, string verified)
    {
        static string Stat(IEnumerable<double> values)
        {
            var sorted = values.Order().ToList();
            return string.Create(CultureInfo.InvariantCulture, $"{sorted[sorted.Count / 2]:F0} ({sorted[0]:F0}–{sorted[^1]:F0})");
        }

        return string.Create(CultureInfo.InvariantCulture, $"| {name} | {Stat(runs.Select(r => r.Wall))} | {Stat(runs.Select(r => r.Cpu))} | {findings} | {verified} |");
    }
}
