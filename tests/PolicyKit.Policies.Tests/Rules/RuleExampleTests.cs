using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Diff.Governance;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Provenance;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Tests.Exceptions;

namespace PolicyKit.Policies.Tests.Rules;

/// <summary>Every rule proves itself: each of its examples is evaluated and must pass or fail as the rule file says.</summary>
public sealed class RuleExampleTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in RuleCatalog.BuiltIn.Rules)
        {
            for (var i = 0; i < rule.Examples.Count; i++)
            {
                data.Add(rule.Id, i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Rule_example_is_judged_as_its_rule_file_says(string ruleId, int exampleIndex)
    {
        var rule = RuleCatalog.BuiltIn.Rules.Single(r => r.Id == ruleId);
        var example = rule.Examples[exampleIndex];
        var config = example.Policy is null
            ? PolicyConfig.Defaults("/")
            : PolicyConfigLoader.Parse(System.Text.Encoding.UTF8.GetBytes(example.Policy), $"{rule.Id}-example-policy.yaml", "/");
        var request = rule.Check is ExceptionRecordCheck
            ? ExceptionExamples.Request(rule.Id, example.Manifest)
            : new EvaluationRequest(new[] { ManifestSource.FromText($"{rule.Id}-example.yaml", example.Manifest) }, config)
            {
                Evidence = example.Evidence is null ? null : RecordedEvidence.Parse(example.Evidence, $"{rule.Id}-example-evidence.yaml"),
                Environment = example.Environment,
            };

        var findings = rule.Check is GovernanceChangeCheck
            ? GovernanceExamples.Findings(example.Manifest)
            : PolicyEngine.Evaluate(request).Findings;
        var own = findings.Where(f => f.RuleId == rule.Id).ToList();
        var context = $"{rule.SourceFile} example at line {example.SourceLine} ({example.Description}); findings: {string.Join("; ", findings.Select(f => $"{f.RuleId}@{f.Line}:{f.Column} {f.Message}"))}";

        if (!example.MustFail)
        {
            Assert.True(own.Count == 0, "must pass but failed: " + context);
            if (rule.Category != Categories.Input)
            {
                Assert.True(findings.All(f => f.Category != Categories.Input), "a passing example must be valid input: " + context);
            }

            return;
        }

        Assert.True(own.Count > 0, "must fail but passed: " + context);
        if (example.ExpectedFindings is { } count)
        {
            Assert.True(own.Count == count, $"expected {count} findings, got {own.Count}: " + context);
        }

        if (example.ExpectedLine is { } line)
        {
            Assert.True(own[0].Line == line, $"expected the first finding on line {line}, got {own[0].Line}: " + context);
        }
    }

    [Fact]
    public void Every_rule_has_a_passing_and_a_failing_example_or_a_note_why_not()
    {
        foreach (var rule in RuleCatalog.BuiltIn.Rules)
        {
            Assert.Contains(rule.Examples, e => !e.MustFail);
            if (rule.Category != Categories.Input)
            {
                Assert.Contains(rule.Examples, e => e.MustFail);
            }
        }
    }
}
