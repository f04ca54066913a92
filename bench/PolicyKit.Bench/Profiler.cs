using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyKit.Bench;

/// <summary>
/// <c>--mode profile</c>: where the engine's time goes, phase by phase, on one thread so that phases add up to CPU
/// time and do not blur into each other. The whole engine is warmed up first; each phase then runs once more to warm
/// up and <c>--runs</c> times, and the median is reported with the garbage collector's pause time. The rules' cost is
/// the evaluation with the whole pack minus the evaluation with every resource rule switched off (loading, resource
/// reading, sorting and input problems stay in both), measured in interleaved pairs.
/// </summary>
internal static class Profiler
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Measurement Run(string corpus, IReadOnlyList<string> folders, int warmups, int runs, int tenants)
    {
        var config = BenchPolicy.Core(corpus);
        var sources = InputCollector.Collect(folders, config, corpus);
        // The files on disk, for the parse-only phases: overlays among the sources are built, so they have no path.
        var files = Workloads.ListFiles(corpus, folders);
        var rules = RuleCatalog.BuiltIn.Packs.Where(p => p.Name == BenchPolicy.Pack).OrderByDescending(p => p.Version).First().Rules
            .Where(r => r.Category != Categories.Input).OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        var noRulesConfig = BenchPolicy.CoreWithout(corpus, rules.Select(r => r.Id));
        var phases = new List<Phase>();

        // Bring the engine and YamlDotNet to steady-state code before timing anything, so that the phases measured
        // first are not billed for tiered compilation the later ones get for free.
        for (var i = 0; i < warmups + 2; i++)
        {
            PolicyEngine.Evaluate(new EvaluationRequest(sources, config) { MaxParallelism = 1 });
            foreach (var file in files)
            {
                new YamlStream().Load(new StringReader(File.ReadAllText(file)));
            }
        }

        Add(phases, runs, "InputCollector.Collect", "walk the tenant folders, sort, build ManifestSources", () => InputCollector.Collect(folders, config, corpus).Count);
        Add(phases, runs, "read + UTF-8 decode", "File.ReadAllBytes + strict UTF8 GetString per file (what ManifestLoader does before parsing)", () =>
        {
            var chars = 0;
            foreach (var file in files)
            {
                chars += StrictUtf8.GetString(File.ReadAllBytes(file)).Length;
            }

            return chars;
        });
        Add(phases, runs, "YamlDotNet events only", "read text + Scanner/Parser MoveNext over every event, no tree: the floor under any YamlDotNet-based loader", () =>
        {
            var events = 0;
            foreach (var file in files)
            {
                var parser = new Parser(new Scanner(new StringReader(File.ReadAllText(file)), skipComments: true));
                while (parser.MoveNext())
                {
                    events++;
                }
            }

            return events;
        });
        Add(phases, runs, "YamlDotNet YamlStream.Load", "read text + YamlStream.Load, each tree dropped after its file: the parse-only baseline on one thread", () =>
        {
            var documents = 0;
            foreach (var file in files)
            {
                var stream = new YamlStream();
                stream.Load(new StringReader(File.ReadAllText(file)));
                documents += stream.Documents.Count;
            }

            return documents;
        });
        Add(phases, runs, "ManifestLoader.Load", "engine loading, each tree dropped after its file: read, decode, split at ---, parse each piece, build YamlNode trees, duplicate keys", () =>
        {
            var documents = 0;
            foreach (var source in sources)
            {
                documents += ManifestLoader.Load(source, config.Limits).Documents.Count;
            }

            return documents;
        });
        Add(phases, runs, "ManifestLoader.Load + ResourceReader.Read", "the same plus recognising resources (identity, pod spec view), each file dropped after use", () =>
        {
            var resources = 0;
            foreach (var source in sources)
            {
                var loaded = ManifestLoader.Load(source, config.Limits);
                resources += ResourceReader.Read(loaded, new List<InputProblem>(loaded.Problems)).Count;
            }

            return resources;
        });
        Add(phases, runs, "ManifestLoader.Load + ResourceReader.Read, all kept", "the same, but every file's resources kept alive until all are read, as PolicyEngine.Evaluate's first phase keeps them for its second", () =>
        {
            var kept = new List<IReadOnlyList<Resource>>(sources.Count);
            foreach (var source in sources)
            {
                var loaded = ManifestLoader.Load(source, config.Limits);
                kept.Add(ResourceReader.Read(loaded, new List<InputProblem>(loaded.Problems)));
            }

            return kept.Sum(k => k.Count);
        });

        var noRules = Evaluate(phases, runs, "PolicyEngine.Evaluate, no resource rules", "the engine with every core resource rule disabled: load, read resources, namespace index, input problems, sort", sources, noRulesConfig);
        var allRules = Evaluate(phases, runs, "PolicyEngine.Evaluate, all rules", "the engine as measured, but on one thread and without Collect", sources, config);

        // The rules' own cost is small next to the garbage collector's swings, so measure it as paired differences:
        // each run of the full pack right after a run without resource rules, and the median of the differences.
        var differences = new List<double>(runs);
        var allocations = new List<double>(runs);
        for (var run = 0; run < Math.Max(runs, 9); run++)
        {
            var without = ChildMode.Timed(() => PolicyEngine.Evaluate(new EvaluationRequest(sources, noRulesConfig) { MaxParallelism = 1 }).Findings.Count);
            var with = ChildMode.Timed(() => PolicyEngine.Evaluate(new EvaluationRequest(sources, config) { MaxParallelism = 1 }).Findings.Count);
            differences.Add(with.WallMs - without.WallMs);
            allocations.Add(with.AllocatedMb - without.AllocatedMb);
        }

        phases.Add(new Phase(
            $"  the {rules.Count} core resource rules",
            Measurement.Median(differences),
            Measurement.Median(allocations),
            double.NaN,
            $"paired difference 'all rules' minus 'no resource rules' (median of {Math.Max(runs, 9)} pairs): checks, messages, fingerprints; differences ranged {differences.Min():F0} to {differences.Max():F0} ms"));

        return new Measurement(
            Modes.Profile,
            tenants,
            1,
            sources.Count,
            -1,
            allRules.Resources,
            allRules.Findings,
            0,
            double.NaN,
            Array.Empty<double>(),
            allRules.MedianMs,
            double.NaN,
            allRules.AllocatedMb,
            allRules.GcPauseMs,
            double.NaN,
            double.NaN,
            ChildMode.ProcessCpuMs(),
            PeakMemory.ReadKilobytes(),
            phases);
    }

    private static void Add(List<Phase> phases, int runs, string name, string covers, Func<int> work)
    {
        var median = Median(runs, work);
        phases.Add(new Phase(name, median.WallMs, median.AllocatedMb, median.GcPauseMs, covers));
    }

    private static (double MedianMs, double AllocatedMb, double GcPauseMs, int Resources, int Findings) Evaluate(
        List<Phase>? phases, int runs, string name, string covers, IReadOnlyList<ManifestSource> sources, PolicyConfig config)
    {
        var resources = 0;
        var findings = 0;
        var median = Median(runs, () =>
        {
            var result = PolicyEngine.Evaluate(new EvaluationRequest(sources, config) { MaxParallelism = 1 });
            resources = result.ResourcesEvaluated;
            findings = result.Findings.Count;
            return findings;
        });
        phases?.Add(new Phase(name, median.WallMs, median.AllocatedMb, median.GcPauseMs, covers));
        return (median.WallMs, median.AllocatedMb, median.GcPauseMs, resources, findings);
    }

    private static (double WallMs, double AllocatedMb, double GcPauseMs) Median(int runs, Func<int> work)
    {
        work(); // warm-up
        var timed = Enumerable.Range(0, runs).Select(_ => ChildMode.Timed(work)).ToList();
        return (Measurement.Median(timed.Select(t => t.WallMs)), Measurement.Median(timed.Select(t => t.AllocatedMb)), Measurement.Median(timed.Select(t => t.GcPauseMs)));
    }

}
