using System.IO;
using System.Linq;
using PolicyKit.Policies.Reports;
using PolicyKit.Policies.Rules;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Documentation;

/// <summary>Documentation generated from rule files is checked in and kept current by these tests.</summary>
public sealed class DocumentationTests
{
    private const string TableStart = "<!-- rules:start -->";
    private const string TableEnd = "<!-- rules:end -->";

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.BuiltIn.Rules)
        {
            data.Add(rule.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_a_current_documentation_page(string ruleId)
    {
        var rule = RuleCatalog.BuiltIn.Rules.Single(r => r.Id == ruleId);

        Golden.Verify(RuleDocumentation.Page(rule), "docs", "rules", ruleId + ".md");
    }

    [Fact]
    public void Every_help_link_points_at_a_page_in_the_repository()
    {
        foreach (var rule in RuleCatalog.BuiltIn.Rules)
        {
            Assert.EndsWith($"/docs/rules/{rule.Id}.md", rule.HelpUri);
            Assert.True(File.Exists(RepositoryPaths.Combine("docs", "rules", rule.Id + ".md")), $"docs/rules/{rule.Id}.md is missing");
        }
    }

    [Fact]
    public void No_page_documents_a_rule_that_does_not_exist()
    {
        var ids = RuleCatalog.BuiltIn.Rules.Select(r => r.Id + ".md").ToHashSet();
        var pages = Directory.GetFiles(RepositoryPaths.Combine("docs", "rules"), "*.md").Select(p => Path.GetFileName(p))
            .Where(page => !IsAnalyzerRulePage(page));

        Assert.All(pages, page => Assert.Contains(page, ids));
    }

    [Fact]
    public void No_rule_pack_uses_the_ids_reserved_for_the_csharp_analyzers()
    {
        Assert.DoesNotContain(RuleCatalog.BuiltIn.Rules, rule => IsAnalyzerRulePage(rule.Id + ".md"));
    }

    /// <summary>
    /// PK7001–PK7099 are the C#-only rules of PolicyKit.Analyzers, in the same catalogue; the analyzer tests check that
    /// each of those pages belongs to an analyzer rule.
    /// </summary>
    private static bool IsAnalyzerRulePage(string page) =>
        page.Length == 9 && page.StartsWith("PK70", System.StringComparison.Ordinal) && page != "PK7000.md" && char.IsDigit(page[4]) && char.IsDigit(page[5]);

    [Fact]
    public void The_readme_rule_table_is_generated_from_the_rule_files()
    {
        var readme = File.ReadAllText(RepositoryPaths.Combine("README.md")).Replace("\r\n", "\n");
        var start = readme.IndexOf(TableStart, System.StringComparison.Ordinal);
        var end = readme.IndexOf(TableEnd, System.StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md must hold the rule table between {TableStart} and {TableEnd}");

        var table = readme.Substring(start + TableStart.Length, end - start - TableStart.Length).Trim('\n');

        Assert.Equal(RuleCatalogMarkdown.Table(RuleCatalog.BuiltIn).TrimEnd('\n'), table);
    }

    [Fact]
    public void The_category_documentation_lists_exactly_the_category_vocabulary()
    {
        var page = File.ReadAllText(RepositoryPaths.Combine("docs", "categories.md"));
        var documented = page.Split('\n').Where(l => l.StartsWith("| `")).Select(l => l.Split('`')[1]).ToList();

        Assert.Equal(Categories.All.OrderBy(c => c), documented.OrderBy(c => c));
    }
}
