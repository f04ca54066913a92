using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using PolicyKit.Policies.Rules;
using PolicyKit.Testing;

namespace PolicyKit.Analyzers.Tests.Documentation;

public sealed class RuleDocumentationTests
{
    private static readonly IReadOnlyList<DiagnosticDescriptor> Descriptors = ExampleRunner.AllAnalyzers
        .SelectMany(a => a.SupportedDiagnostics)
        .GroupBy(d => d.Id)
        .Select(g => g.First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    private static readonly IReadOnlyList<DiagnosticDescriptor> CSharpRules = Descriptors.Where(d => d.Id.StartsWith("PK70", StringComparison.Ordinal)).ToList();

    public static TheoryData<string> CSharpRuleIds => new(CSharpRules.Select(d => d.Id));

    [Fact]
    public void Every_diagnostic_has_its_page_help_link_category_and_a_default_severity()
    {
        Assert.NotEmpty(CSharpRules);
        Assert.All(Descriptors, descriptor =>
        {
            Assert.True(File.Exists(RepositoryPaths.Combine("docs", "rules", descriptor.Id + ".md")), $"docs/rules/{descriptor.Id}.md is missing");
            Assert.EndsWith($"/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.Contains(descriptor.Category, Categories.All);
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
        });
    }

    [Fact]
    public void The_csharp_rules_keep_to_their_own_range_of_the_catalogue()
    {
        var engineIds = RuleCatalog.BuiltIn.Rules.Select(r => r.Id).ToHashSet();
        Assert.All(CSharpRules, descriptor =>
        {
            Assert.Matches("^PK70(0[1-9]|[1-9][0-9])$", descriptor.Id);
            Assert.DoesNotContain(descriptor.Id, engineIds);
        });
        Assert.All(Descriptors.Except(CSharpRules), descriptor => Assert.Contains(descriptor.Id, engineIds));

        var pages = Directory.GetFiles(RepositoryPaths.Combine("docs", "rules"), "PK70*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(CSharpRules.Select(d => d.Id), pages.OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_csharp_rule_has_its_release_tracking_entry_with_its_category_and_severity()
    {
        var tracked = File.ReadAllLines(RepositoryPaths.Combine("src", "Analyzers", "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(RepositoryPaths.Combine("src", "Analyzers", "AnalyzerReleases.Unshipped.md")))
            .Where(line => line.StartsWith("PK", StringComparison.Ordinal))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0], cells => (Category: cells[1], Severity: cells[2]));

        Assert.All(CSharpRules, descriptor =>
        {
            Assert.True(tracked.TryGetValue(descriptor.Id, out var entry), $"{descriptor.Id} is not in AnalyzerReleases.*.md");
            Assert.Equal(descriptor.Category, entry.Category);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), entry.Severity);
        });
    }

    [Theory]
    [MemberData(nameof(CSharpRuleIds))]
    public async Task The_examples_on_the_rule_page_fail_and_pass_as_documented(string id)
    {
        var examples = RuleExamples.Parse(File.ReadAllText(RepositoryPaths.Combine("docs", "rules", id + ".md")));
        Assert.NotEmpty(examples.Fails);
        Assert.NotEmpty(examples.Passes);

        foreach (var example in examples.Fails)
        {
            var found = await ExampleRunner.RunAsync(example);
            Assert.True(found.Any(d => d.Id == id), $"{id} was not reported on:\n{example.Code}");
        }

        foreach (var example in examples.Passes)
        {
            var found = await ExampleRunner.RunAsync(example);
            Assert.True(found.All(d => d.Id != id), $"{id} was reported on a passing example:\n{string.Join("\n", found)}");
        }
    }
}
