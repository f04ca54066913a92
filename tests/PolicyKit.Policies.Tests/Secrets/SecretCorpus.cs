using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Secrets;

/// <summary>
/// The labelled corpus under <c>Secrets/Corpus</c>: its files (fake secrets expanded), the findings
/// <c>labels.yaml</c> expects, the findings the secrets rules report, and the resulting precision and recall.
/// Findings count as true positives only with the expected rule, file, line and column.
/// </summary>
internal sealed class SecretCorpus
{
    public const string LabelsFile = "labels.yaml";
    private const char Cursor = '‸';

    private static readonly HashSet<string> DetectionRules = new(StringComparer.Ordinal) { "PK3001", "PK3002", "PK3003", "PK3004", "PK3005", "PK3006" };

    public static readonly Lazy<SecretCorpus> Instance = new(() => new SecretCorpus());

    private SecretCorpus()
    {
        var directory = RepositoryPaths.Combine("tests", "PolicyKit.Policies.Tests", "Secrets", "Corpus");
        Files = Directory.GetFiles(directory)
            .Select(Path.GetFileName)
            .Where(name => name != LabelsFile)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToDictionary(name => name!, name => FakeSecrets.Expand(File.ReadAllText(Path.Combine(directory, name!)).Replace("\r\n", "\n")), StringComparer.Ordinal);
        LabelledFiles = new List<string>();
        Expected = ReadLabels(Path.Combine(directory, LabelsFile));
        var sources = Files.Select(f => ManifestSource.FromText(f.Key, f.Value)).ToArray();
        var result = PolicyEngine.Evaluate(new EvaluationRequest(sources, PolicyConfig.Defaults("/")) { ExceptionSources = Array.Empty<ManifestSource>() });
        InputFindings = result.Findings.Where(f => f.Category == "input").ToList();
        Reported = result.Findings.Where(f => DetectionRules.Contains(f.RuleId)).ToList();
        TruePositives = Reported.Where(f => Expected.Contains(Key(f))).ToList();
        FalsePositives = Reported.Where(f => !Expected.Contains(Key(f))).ToList();
        var found = new HashSet<Expectation>(Reported.Select(Key));
        Missed = Expected.Where(e => !found.Contains(e)).ToList();
    }

    /// <summary>Corpus files by name, with their fake secrets expanded.</summary>
    public IReadOnlyDictionary<string, string> Files { get; }

    public List<string> LabelledFiles { get; }

    public HashSet<Expectation> Expected { get; }

    public IReadOnlyList<Finding> InputFindings { get; }

    public IReadOnlyList<Finding> Reported { get; }

    public IReadOnlyList<Finding> TruePositives { get; }

    public IReadOnlyList<Finding> FalsePositives { get; }

    public IReadOnlyList<Expectation> Missed { get; }

    public double Precision => Reported.Count == 0 ? 1 : (double)TruePositives.Count / Reported.Count;

    public double Recall => Expected.Count == 0 ? 1 : (double)TruePositives.Count / Expected.Count;

    public int NegativeFiles => Files.Keys.Count(name => name.StartsWith("n", StringComparison.Ordinal));

    /// <summary>A finding as the corpus describes it; messages are masked, so they may be shown in failures.</summary>
    public static string Describe(Finding finding) => $"{finding.File}:{finding.Line}:{finding.Column} {finding.RuleId} {finding.Message}";

    private static Expectation Key(Finding finding) => new(finding.File, finding.RuleId, finding.Line, finding.Column);

    private HashSet<Expectation> ReadLabels(string path)
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText(LabelsFile, File.ReadAllText(path)), LoaderLimits.Default);
        var root = (MappingNode)loaded.Documents.Single().Root;
        var expected = new HashSet<Expectation>();
        foreach (var file in root.Entries)
        {
            var name = file.Key.Value;
            LabelledFiles.Add(name);
            if (!Files.TryGetValue(name, out var text))
            {
                throw new InvalidOperationException($"{LabelsFile} names {name}, which is not in the corpus");
            }

            foreach (var item in ((SequenceNode)file.Value).Items.Cast<MappingNode>())
            {
                var (line, column) = Locate(text, FakeSecrets.Expand(item.GetString("at")!), item.GetString("after"), name);
                if (!expected.Add(new Expectation(name, item.GetString("rule")!, line, column)))
                {
                    throw new InvalidOperationException($"{LabelsFile}: {name} lists the same finding twice");
                }
            }
        }

        return expected;
    }

    private static (int Line, int Column) Locate(string text, string at, string? after, string file)
    {
        var cursor = at.IndexOf(Cursor);
        var needle = (cursor < 0 ? at : at.Remove(cursor, 1)).Split('\n')[0];
        var from = 0;
        if (after is not null)
        {
            from = text.IndexOf(after, StringComparison.Ordinal);
            from = from < 0 ? throw new InvalidOperationException($"{LabelsFile}: '{after}' is not in {file}") : from + after.Length;
        }

        var index = text.IndexOf(needle, from, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"{LabelsFile}: a labelled secret of {file} is not in the file");
        }

        index += Math.Max(cursor, 0);
        var line = 1 + text.Take(index).Count(c => c == '\n');
        var column = index - (text.LastIndexOf('\n', Math.Max(index - 1, 0)) + 1) + 1;
        if (index > 0 && text[index - 1] == '\n')
        {
            column = 1;
        }

        return (line, column);
    }

    /// <summary>One expected finding: rule, file, 1-based line and column.</summary>
    public sealed record Expectation(string File, string Rule, int Line, int Column)
    {
        public override string ToString() => $"{File}:{Line}:{Column} {Rule}";
    }
}
