using System.Linq;
using Xunit.Abstractions;

namespace PolicyKit.Policies.Tests.Secrets;

/// <summary>
/// Detection quality on the labelled corpus (docs/secrets.md records the figures). Failures list findings by their
/// masked messages and expectations by location only: no secret value is printed.
/// </summary>
public sealed class SecretCorpusTests
{
    private const double Target = 0.95;
    private readonly ITestOutputHelper output;

    public SecretCorpusTests(ITestOutputHelper output) => this.output = output;

    private static SecretCorpus Corpus => SecretCorpus.Instance.Value;

    [Fact]
    public void Precision_on_the_labelled_corpus_is_at_least_0_95()
    {
        Report();
        Assert.True(Corpus.Precision >= Target, $"precision {Corpus.Precision:0.000}; false positives:\n{string.Join("\n", Corpus.FalsePositives.Select(SecretCorpus.Describe))}");
    }

    [Fact]
    public void Recall_on_the_labelled_corpus_is_at_least_0_95()
    {
        Report();
        Assert.True(Corpus.Recall >= Target, $"recall {Corpus.Recall:0.000}; missed:\n{string.Join("\n", Corpus.Missed)}\nreported instead:\n{string.Join("\n", Corpus.FalsePositives.Select(SecretCorpus.Describe))}");
    }

    [Fact]
    public void Every_corpus_file_is_labelled()
    {
        Assert.Equal(Corpus.Files.Keys.OrderBy(k => k), Corpus.LabelledFiles.OrderBy(k => k));
    }

    [Fact]
    public void Every_corpus_file_is_valid_input()
    {
        Assert.True(Corpus.InputFindings.Count == 0, string.Join("\n", Corpus.InputFindings.Select(SecretCorpus.Describe)));
    }

    [Fact]
    public void The_corpus_covers_every_detection_rule_and_at_least_twenty_tricky_negative_files()
    {
        foreach (var rule in new[] { "PK3001", "PK3002", "PK3003", "PK3004", "PK3005", "PK3006" })
        {
            Assert.True(Corpus.Expected.Count(e => e.Rule == rule) >= 2, $"{rule} has fewer than two labelled secrets");
        }

        Assert.True(Corpus.NegativeFiles >= 20);
    }

    private void Report()
    {
        output.WriteLine(
            $"corpus: {Corpus.Files.Count} files ({Corpus.NegativeFiles} without secrets), {Corpus.Expected.Count} labelled secrets; "
            + $"reported {Corpus.Reported.Count}, true positives {Corpus.TruePositives.Count}, false positives {Corpus.FalsePositives.Count}, missed {Corpus.Missed.Count}; "
            + $"precision {Corpus.Precision:0.000}, recall {Corpus.Recall:0.000}");
        foreach (var rule in Corpus.Expected.Select(e => e.Rule).Distinct().OrderBy(r => r))
        {
            output.WriteLine(
                $"  {rule}: labelled {Corpus.Expected.Count(e => e.Rule == rule)}, true positives {Corpus.TruePositives.Count(f => f.RuleId == rule)}, "
                + $"false positives {Corpus.FalsePositives.Count(f => f.RuleId == rule)}, missed {Corpus.Missed.Count(e => e.Rule == rule)}");
        }
    }
}
