using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Tests.Rules;

/// <summary>
/// The built-in packs read their rules' examples only when asked for; what they read then must be exactly what a
/// whole-file load reads, and blanking the examples must not move any other field.
/// </summary>
public sealed class DeferredExamplesTests
{
    [Fact]
    public void Every_pack_loads_the_same_rules_and_examples_with_examples_deferred()
    {
        foreach (var folder in Directory.GetDirectories(PolicyKit.Testing.RepositoryPaths.Combine("rules")).OrderBy(f => f, System.StringComparer.Ordinal))
        {
            var files = Directory.GetFiles(folder, "*.yaml", SearchOption.AllDirectories)
                .Select(f => new PackFile(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .ToList();
            var whole = RulePackLoader.Load("rules/" + Path.GetFileName(folder), files);
            var deferred = RulePackLoader.Load("rules/" + Path.GetFileName(folder), files, deferExamples: true);

            Assert.Equal(whole.Sha256, deferred.Sha256);
            Assert.Equal(whole.Rules.Select(Describe), deferred.Rules.Select(Describe));
            Assert.All(whole.Rules, r => Assert.NotEmpty(r.Examples));
        }
    }

    [Fact]
    public void Blanking_keeps_every_other_line_in_place()
    {
        var text = "id: PK9999\nexamples:\n  pass:\n    - manifest: |\n        kind: Pod\n# a comment\n\nmessage: m\r\nrationale: r\n";

        var blanked = Encoding.UTF8.GetString(RuleExamplesText.Blanked(Encoding.UTF8.GetBytes(text)));

        Assert.Equal("id: PK9999\n\n\n\n\n\n\nmessage: m\r\nrationale: r\n", blanked);
    }

    private static string Describe(Rule rule) =>
        string.Join(
            "|",
            rule.Id,
            rule.Title,
            rule.Category,
            rule.Severity,
            rule.CheckName,
            rule.Message.Text,
            rule.Rationale,
            rule.Remediation,
            string.Join(",", rule.ParameterSummary),
            string.Join(";", rule.Examples.Select(e => $"{e.MustFail}/{e.Description}/{e.Manifest}/{e.ExpectedFindings}/{e.ExpectedLine}/{e.SourceLine}/{e.Policy}/{e.Evidence}")));
}
