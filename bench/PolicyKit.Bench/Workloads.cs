using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyKit.Bench;

/// <summary>What one run of a workload saw, so the harness can check every mode read the same corpus.</summary>
internal sealed record WorkloadOutcome(int Files, int Documents, int Resources, int Findings, int ParseErrors);

/// <summary>
/// The measured work. Both sides start from the tenant folders and include finding and reading the files, so the
/// comparison is "the whole engine" against "YamlDotNet alone" on the same bytes.
/// </summary>
internal static class Workloads
{
    /// <summary>The engine's own default (<see cref="EvaluationRequest.MaxParallelism"/>), used for the parallel parse too.</summary>
    public static int Parallelism => Environment.ProcessorCount;

    /// <summary>
    /// The engine as <c>policykit check</c> drives it, with the chosen packs: collect the inputs, evaluate them.
    /// </summary>
    public static WorkloadOutcome Engine(string corpus, IReadOnlyList<string> tenantFolders, IReadOnlyList<string> packs)
    {
        var config = BenchPolicy.WithPacks(corpus, packs);
        var sources = InputCollector.Collect(tenantFolders, config, corpus);
        var result = PolicyEngine.Evaluate(new EvaluationRequest(sources, config));
        return new WorkloadOutcome(result.FilesScanned, -1, result.ResourcesEvaluated, result.Findings.Count, 0);
    }

    /// <summary>
    /// YamlDotNet alone: list the same files, read each file's text and load it into a
    /// <see cref="YamlStream"/> (YamlDotNet's own tree with positions), on one thread or across files with the
    /// engine's parallelism.
    /// </summary>
    public static WorkloadOutcome ParseOnly(string corpus, IReadOnlyList<string> tenantFolders, bool parallel)
    {
        var files = ListFiles(corpus, tenantFolders);
        var documents = 0;
        var errors = 0;
        if (parallel)
        {
            Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, i =>
            {
                var (count, failed) = LoadStream(files[i]);
                Interlocked.Add(ref documents, count);
                Interlocked.Add(ref errors, failed);
            });
        }
        else
        {
            foreach (var file in files)
            {
                var (count, failed) = LoadStream(file);
                documents += count;
                errors += failed;
            }
        }

        return new WorkloadOutcome(files.Count, documents, -1, -1, errors);
    }

    /// <summary>The manifest files of the tenant folders, found as <see cref="InputCollector"/> finds them (recursively, *.yaml/*.yml/*.json).</summary>
    public static List<string> ListFiles(string corpus, IReadOnlyList<string> tenantFolders)
    {
        var files = new List<string>();
        foreach (var folder in tenantFolders)
        {
            var found = Directory.GetFiles(Path.Combine(corpus, folder), "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
            files.AddRange(found.OrderBy(f => f, StringComparer.Ordinal));
        }

        return files;
    }

    private static (int Documents, int Errors) LoadStream(string file)
    {
        var text = File.ReadAllText(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return (stream.Documents.Count, 0);
        }
        catch (YamlException)
        {
            // Counted and reported: the generated corpus is valid YAML, so this stays 0 unless the generator breaks.
            return (stream.Documents.Count, 1);
        }
    }
}
