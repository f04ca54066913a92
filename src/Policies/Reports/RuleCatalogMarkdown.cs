using System.Linq;
using System.Text;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Reports;

/// <summary>The rule table the README embeds, generated from the rule files so it can never drift from them.</summary>
public static class RuleCatalogMarkdown
{
    public static string Table(RuleCatalog catalog)
    {
        var builder = new StringBuilder();
        builder.Append("| Rule | Pack | Category | Severity | Title |\n");
        builder.Append("|---|---|---|---|---|\n");
        foreach (var rule in catalog.Rules.OrderBy(r => r.Id, System.StringComparer.Ordinal))
        {
            builder.Append($"| [{rule.Id}](docs/rules/{rule.Id}.md) | {rule.Pack.Name} {rule.Since} | `{rule.Category}` | {rule.Severity.ToName()} | {rule.Title.Replace("|", "\\|")} |\n");
        }

        return builder.ToString();
    }
}
