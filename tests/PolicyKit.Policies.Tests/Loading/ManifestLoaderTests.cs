using System.Linq;
using System.Text;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Tests.Loading;

public sealed class ManifestLoaderTests
{
    private static LoadedManifest Load(string text, string name = "m.yaml") =>
        ManifestLoader.Load(ManifestSource.FromText(name, text), LoaderLimits.Default);

    private static LoadedManifest LoadBytes(byte[] bytes, LoaderLimits? limits = null) =>
        ManifestLoader.Load(ManifestSource.FromBytes("m.yaml", bytes), limits ?? LoaderLimits.Default);

    [Fact]
    public void Every_node_knows_its_line_and_column()
    {
        var loaded = Load("apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: odoo\n      image: odoo:17.0\n");

        var root = (MappingNode)loaded.Documents.Single().Root;
        var container = (MappingNode)root.GetMapping("spec")!.GetSequence("containers")!.Items[0];
        var image = container.GetScalar("image")!;
        Assert.Equal((6, 14), (image.Line, image.Column));
        Assert.Equal((5, 7), (container.Line, container.Column));
    }

    [Fact]
    public void Documents_of_a_stream_keep_their_own_line_numbers()
    {
        var loaded = Load("kind: A\n---\n# comment\nkind: B\n---\nkind: C\n");

        Assert.Equal(new[] { 1, 4, 6 }, loaded.Documents.Select(d => d.Root.Line));
        Assert.Equal(new[] { 0, 1, 2 }, loaded.Documents.Select(d => d.Index));
    }

    [Fact]
    public void A_malformed_document_costs_only_itself()
    {
        var loaded = Load("kind: A\n---\nkind: [unclosed\n---\nkind: C\n");

        Assert.Equal(new[] { "A", "C" }, loaded.Documents.Select(d => ((MappingNode)d.Root).GetString("kind")));
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(InputProblemKind.Syntax, problem.Kind);
        Assert.Equal(1, problem.DocumentIndex);
        Assert.InRange(problem.Line, 3, 4);
    }

    [Fact]
    public void Tab_indentation_is_reported_on_the_line_with_the_tab()
    {
        var problem = Assert.Single(Load("kind: ConfigMap\ndata:\n  a: b\n\tc: d\n").Problems);

        Assert.Equal(InputProblemKind.Syntax, problem.Kind);
        Assert.Equal((4, 1), (problem.Line, problem.Column));
    }

    [Fact]
    public void Duplicate_keys_are_located_at_the_second_key_and_the_last_value_wins()
    {
        var loaded = Load("kind: ConfigMap\nmetadata:\n  name: a\n  name: b\n");

        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(InputProblemKind.DuplicateKey, problem.Kind);
        Assert.Equal((4, 3), (problem.Line, problem.Column));
        Assert.Equal("b", ((MappingNode)loaded.Documents.Single().Root).GetMapping("metadata")!.GetString("name"));
    }

    [Fact]
    public void An_alias_bomb_is_stopped_before_it_expands()
    {
        var bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append($"{level}: &{level} [*{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}, *{previous}]\n");
        }

        var loaded = Load(bomb.ToString());

        Assert.Empty(loaded.Documents);
        Assert.Equal(InputProblemKind.AliasExpansion, Assert.Single(loaded.Problems).Kind);
    }

    [Fact]
    public void Ordinary_anchors_and_merge_keys_resolve()
    {
        var loaded = Load("base: &base\n  image: odoo:17.0\n  name: web\nother:\n  <<: *base\n  name: worker\n");

        var other = ((MappingNode)loaded.Documents.Single().Root).GetMapping("other")!;
        Assert.Empty(loaded.Problems);
        Assert.Equal("worker", other.GetString("name"));
        Assert.Equal("odoo:17.0", other.GetString("image"));
        Assert.Equal(2, other.GetScalar("image")!.Line);
    }

    [Fact]
    public void Nesting_beyond_the_limit_is_a_problem_not_a_stack_overflow()
    {
        var deep = "kind: x\nspec: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var loaded = Load(deep);

        Assert.Empty(loaded.Documents);
        var problem = Assert.Single(loaded.Problems);
        Assert.Equal(InputProblemKind.NestingDepth, problem.Kind);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void Binary_content_is_an_encoding_problem()
    {
        var problem = Assert.Single(LoadBytes(new byte[] { 0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01 }).Problems);

        Assert.Equal(InputProblemKind.Encoding, problem.Kind);
    }

    [Fact]
    public void Invalid_utf8_is_located_on_its_line()
    {
        var bytes = Encoding.UTF8.GetBytes("kind: ConfigMap\ndata:\n  a: caf").Concat(new byte[] { 0xC3, 0x28 }).Concat(Encoding.UTF8.GetBytes("\n")).ToArray();

        var problem = Assert.Single(LoadBytes(bytes).Problems);

        Assert.Equal(InputProblemKind.Encoding, problem.Kind);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_accepted()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("kind: ConfigMap\n")).ToArray();

        var loaded = LoadBytes(bytes);

        Assert.Empty(loaded.Problems);
        Assert.Single(loaded.Documents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("---\n")]
    public void A_file_without_documents_is_empty(string text)
    {
        Assert.Equal(InputProblemKind.EmptyFile, Assert.Single(Load(text).Problems).Kind);
    }

    [Fact]
    public void Empty_documents_between_markers_are_not_problems()
    {
        var loaded = Load("---\nkind: A\n---\n---\nkind: B\n");

        Assert.Empty(loaded.Problems);
        Assert.Equal(2, loaded.Documents.Count);
    }

    [Fact]
    public void Files_over_the_size_limit_are_not_read()
    {
        var problem = Assert.Single(LoadBytes(new byte[2048], LoaderLimits.Default with { MaxFileBytes = 1024 }).Problems);

        Assert.Equal(InputProblemKind.FileSize, problem.Kind);
    }

    [Fact]
    public void Json_with_tab_layout_parses_with_positions()
    {
        var loaded = Load("{\n\t\"kind\": \"Pod\",\n\t\"metadata\": {\"name\": \"p\"}\n}\n", "pod.json");

        var root = (MappingNode)loaded.Documents.Single().Root;
        Assert.Empty(loaded.Problems);
        Assert.Equal((2, 10), (root.GetScalar("kind")!.Line, root.GetScalar("kind")!.Column));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("TRUE", true)]
    [InlineData("no", false)]
    [InlineData("off", false)]
    public void Plain_booleans_follow_kubernetes_yaml_1_1(string text, bool expected)
    {
        var root = (MappingNode)Load($"privileged: {text}\n").Documents.Single().Root;

        Assert.Equal(expected, root.GetScalar("privileged")!.AsBoolean());
    }

    [Fact]
    public void Quoted_and_str_tagged_scalars_are_never_booleans()
    {
        var root = (MappingNode)Load("a: \"true\"\nb: !!str true\n").Documents.Single().Root;

        Assert.Null(root.GetScalar("a")!.AsBoolean());
        Assert.Null(root.GetScalar("b")!.AsBoolean());
    }
}
