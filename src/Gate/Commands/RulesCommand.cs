using System.CommandLine;
using System.IO;
using System.Text;
using PolicyKit.Policies.Reports;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Gate.Commands;

/// <summary><c>policykit rules</c>: lists the rules of the built-in packs, as plain text or as the Markdown table the README embeds.</summary>
internal static class RulesCommand
{
    private static readonly Option<bool> Markdown = new("--markdown")
    {
        Description = "Write the rule table as Markdown (the README's table is generated this way).",
    };

    public static Command Create()
    {
        var command = new Command("rules", "List the rules of the built-in packs.") { Markdown };
        command.SetAction(parse =>
        {
            using var output = new StreamWriter(System.Console.OpenStandardOutput(), new UTF8Encoding(false)) { NewLine = "\n" };
            if (parse.GetValue(Markdown))
            {
                output.Write(RuleCatalogMarkdown.Table(RuleCatalog.BuiltIn));
            }
            else
            {
                foreach (var pack in RuleCatalog.BuiltIn.Packs)
                {
                    output.WriteLine($"{pack.Name} {pack.Version}  sha256 {pack.Sha256}");
                    foreach (var rule in pack.Rules)
                    {
                        output.WriteLine($"  {rule.Id}  {rule.Severity.ToName(),-8}  {rule.Category,-13}  {rule.Title}");
                    }
                }
            }

            return ExitCodes.Passed;
        });
        return command;
    }
}
