using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Discovery;
using PolicyKit.Policies.Discovery.InProcessKustomize;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;
using PolicyKit.Policies.Tests.Exceptions;
using PolicyKit.Testing;
using Xunit;

namespace PolicyKit.Policies.Tests.Discovery;

/// <summary>
/// The in-process build writes its text and, at the same time, the trees the loader would read from that text, so the
/// text is not parsed again. Those trees must be exactly the loader's reading: every node's kind, value, plain-or-quoted
/// reading, line and column. Where the text holds what the loader leaves to YamlDotNet, the build gives no trees.
/// </summary>
public sealed class PrintedTreeTests
{
    [Theory]
    [MemberData(nameof(KustomizeBuildDifferentialTests.Overlays), MemberType = typeof(KustomizeBuildDifferentialTests))]
    public void The_trees_built_while_printing_are_what_the_loader_reads_from_the_text(string overlay)
    {
        using var folder = new TempFolder();
        var root = KustomizeBuildDifferentialTests.Write(folder, overlay);

        var (text, trees) = Build(folder, root);

        if (trees is null)
        {
            // The only construct of these fixtures the direct reader leaves to YamlDotNet: a block keeping its breaks.
            Assert.Contains("|+", text);
            Assert.NotEqual("the-sample", overlay);
            return;
        }

        Assert.Equal(Dump(Read(text)), Dump(trees));
    }

    [Theory]
    [InlineData("plain: value\nnumber: 8080\nratio: 1.50\nnegative: -3\nzero: 0\nnothing: null\nyes-word: \"yes\"\nflag: true\nempty: \"\"", true)]
    [InlineData("list: [a, 1, {b: c}, [d, e], [], {}]\nmap: {}\nnested: {deeper: {deepest: [x]}}", true)]
    [InlineData("block: |\n  line one\n  line two\nstripped: |-\n  no break at the end\nspaced: \"trailing space \\nnext\"\ngaps: \"a\\n\\nb\\n\"", true)]
    [InlineData("unicode: café ☕\nquote: 'it''s'\nescapes: \"tab\\there\"\ncontrol: \"bell\\a\"\nhash: a#b\ncolon: a:b\nurl: http://x/y?z=1#f", true)]
    [InlineData("-dash-key: v\n\"?question\": v\n\":colon\": v\nvalue: ?question\nother: :colon\nlead: -lead", false)]
    [InlineData("kept: |+\n  keeps its breaks\n\n\nafter: v", false)]
    [InlineData("nel: \"a\\Nb\"\nbom: \"\\uFEFFx\"\nnbsp: \"a\\_b\"", false)]
    public void Unusual_values_give_the_loaders_trees_or_none(string data, bool loaderTakesTrees)
    {
        using var folder = new TempFolder();
        folder.Write("acme/kustomization.yaml", "namespace: odoo-acme\nresources: [objects.yaml]\n");
        folder.Write("acme/objects.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: odd}\ndata: {}\n---\napiVersion: example.com/v1\nkind: Thing\nmetadata: {name: thing}\nspec:\n" + Indent(data) + "\n");

        var (text, trees) = Build(folder, "acme");

        // The loader takes the trees only for a text of characters the direct reader reads itself.
        var taken = trees is not null && CommonYamlReader.ReadsEveryCharacter(text);
        Assert.Equal(loaderTakesTrees, taken);
        if (taken)
        {
            Assert.Equal(Dump(Read(text)), Dump(trees!));
        }
    }

    [Fact]
    public void A_block_that_keeps_its_final_breaks_is_left_to_the_reader()
    {
        using var folder = new TempFolder();
        folder.Write("acme/kustomization.yaml", "resources: [objects.yaml]\n");
        folder.Write("acme/objects.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: kept}\ndata:\n  kept: |+\n    two breaks\n\n");

        var (text, trees) = Build(folder, "acme");

        Assert.Contains("|+", text);
        Assert.Null(trees);
    }

    private static (string Text, List<SourceDocument>? Trees) Build(TempFolder folder, string overlay)
    {
        var kustomization = Kustomization.Read(Path.Combine(folder.Path, overlay, "kustomization.yaml"), folder.Path, LoaderLimits.Default);
        var text = InProcessKustomizeBuild.TryBuild(kustomization, LoaderLimits.Default, null, out var trees);
        Assert.NotNull(text);
        return (text!, trees);
    }

    private static List<SourceDocument> Read(string text)
    {
        var documents = new List<SourceDocument>();
        var problems = new List<InputProblem>();
        ManifestTextReader.Read(text, isJson: false, LoaderLimits.Default, documents, problems);
        Assert.Empty(problems);
        return documents;
    }

    private static string Indent(string data) => string.Join("\n", data.Split('\n').Select(line => "  " + line));

    private static string Dump(IEnumerable<SourceDocument> documents)
    {
        var output = new StringBuilder();
        foreach (var document in documents)
        {
            output.Append("--- ").Append(document.Index).Append('\n');
            Dump(document.Root, "", output);
        }

        return output.ToString();
    }

    private static void Dump(YamlNode node, string path, StringBuilder output)
    {
        output.Append(path).Append(" @").Append(node.Line).Append(':').Append(node.Column).Append(' ');
        switch (node)
        {
            case MappingNode mapping:
                output.Append("map ").Append(mapping.Entries.Count).Append('\n');
                foreach (var entry in mapping.Entries)
                {
                    Dump(entry.Key, path + "/key", output);
                    Dump(entry.Value, path + "/" + entry.Key.Value, output);
                }

                break;
            case SequenceNode sequence:
                output.Append("list ").Append(sequence.Items.Count).Append('\n');
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Dump(sequence.Items[i], path + "/" + i, output);
                }

                break;
            case ScalarNode scalar:
                output.Append(scalar.IsPlain ? "plain " : "quoted ").Append(scalar.Value.Replace("\n", "\\n")).Append('\n');
                break;
        }
    }
}
