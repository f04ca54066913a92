using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Yaml;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Loading;

/// <summary>
/// The direct reader must give exactly the trees, positions and problems YamlDotNet's reading gives, or leave the
/// piece to YamlDotNet: every case compares the two readings node by node.
/// </summary>
public sealed class CommonYamlReaderTests
{
    [Theory]
    [InlineData("a: 1\nb: two\n")]
    [InlineData("a:\nb: 1\nc:\n  - x\n  -\n  - y\nd: |\n  t\n\n")]
    [InlineData("- a: 1\n  b:\n- c: |-\n    x\n    y\n\n  d: [ ]\n  e: {}\n  f: \"q\\\"r\"\n")]
    [InlineData("a:   # c\nb:   \nc:\n- - x\n  - y\n-   # c\n  z\n")]
    [InlineData("a: 1\r\nb: |\r\n  x\r\n  y\r\nc: \"x\"\r\n")]
    [InlineData("a: |\n  x\n\n  y\n\n\nb: |-\n\n  z\n   w\n    \n  v\nc: |\n  end")]
    [InlineData("a: x#y  # c\nb: \"é\" \nc: [a, \"b\", c d]\nd: [ ]\n")]
    [InlineData("x:\n    - a\n    - b\ny: 1\n")]
    [InlineData("# leading comment\n---\n# another\napiVersion: v1\nkind: ConfigMap\n")]
    [InlineData("--- # marker comment\nkind: Pod\n")]
    [InlineData("\"quoted key\": v\n'single': 'it''s'\nempty: \"\"\n")]
    [InlineData("esc: \"a\\tb\\nc\\\\d\\/e\\u00e9\\x41\"\n")]
    [InlineData("n: 0.0\nm: 8e1\nq: \"0.0\"\nv: 1.5\n")]
    [InlineData("dup: 1\nother: 2\ndup: 3\n")]
    [InlineData("spec:\n  containers:\n  - name: web\n    image: odoo:17.0@sha256:abc\n    args: [\"--proxy-mode\", --workers=4]\n    env:\n      - name: A\n        value: \"1\"\n")]
    [InlineData("key  : spaced\nurl: http://example.com:8069/web?db=x#frag\n")]
    [InlineData("a:\n  b:\n    c:\n      d: deep\n  e: back\nf: top\n")]
    [InlineData("- - - x\n    - y\n  - z\n- w\n")]
    [InlineData("-\n  a: 1\n-\n  - b\n")]
    [InlineData("a: |\n  # not a comment\n  x\n# a comment\nb: 1\n")]
    [InlineData("a: -1\nb: --flag\nc: -x\n")]
    [InlineData("conf: |-\n  [options]\n  workers = 4\n  admin_passwd = x\n")]
    [InlineData("list:\n- a\n- b\nnext: 1\n")]
    [InlineData("a: b\n\n\n   \nc: d\n")]
    [InlineData("a: 'x' # c\nb: \"y\"   \n")]
    [InlineData("a: >\n  folded\n  text\n\n  next\n    indented\n  back\n\n\nb: >-\n  x\n\n\n  y\n")]
    [InlineData("a: >\n\n  lead\n   more\n   more\n  last")]
    [InlineData("ports:\n- {name: http, containerPort: 8069}\n- {name: \"ws\", port: '8072'}\nref: {name: odoo-db}\n")]
    [InlineData("a: [1, [2, {x: [y]}], {}]\nb: {k: [], j: {}}\n")]
    [InlineData("f: {a: 1, a: 2}\n")]
    [InlineData("a: plain\n  continued\n\n  after an empty line\n   \n\n   and two\nb: 1.0\n")]
    [InlineData("command:\n- wait-for-psql.py --db_host x\n  --db_port 5432 --db_password \"$P\"\n- next # c\n  # c\n- last\n")]
    [InlineData("a:\n  first\n  second\n")]
    public void Reads_what_YamlDotNet_reads(string piece)
    {
        var direct = ReadDirectly(piece);

        Assert.NotNull(direct);
        Assert.Equal(ReadWithYamlDotNet(piece), direct);
    }

    [Theory]
    [InlineData("a: &anchor 1\nb: *anchor\n")]
    [InlineData("a: !!str true\n")]
    [InlineData("a: |2\n   x\n")]
    [InlineData("a: |+\n  x\n\n")]
    [InlineData("a: one\n  two # comment\n")]
    [InlineData("a: one\n  two: x\n")]
    [InlineData("a: one\n  - two\n")]
    [InlineData("a: \"two\n  lines\"\n")]
    [InlineData("a: {b:1}\n")]
    [InlineData("a: [1, [2]\n")]
    [InlineData("a: {b: }\n")]
    [InlineData("a: [x, y]\n  z: 1\n")]
    [InlineData("a: [1, ]\n")]
    [InlineData("a:\tb\n")]
    [InlineData("a: b: c\n")]
    [InlineData("a: - b\n")]
    [InlineData("a: -\n")]
    [InlineData("<<: {a: 1}\nb: 2\n")]
    [InlineData("? complex\n: key\n")]
    [InlineData("%YAML 1.1\n---\na: 1\n")]
    [InlineData("a: 1\n...\n")]
    [InlineData("just a scalar\n")]
    [InlineData("a: 1\n  b: 2\n")]
    [InlineData("a:\n  - x\n  y: 1\n")]
    [InlineData("a: |\nb: 1\n")]
    [InlineData("a: \"\\N\"\n")]
    [InlineData("a: \"\\ud800\"\n")]
    [InlineData("a: \"x\"y\n")]
    [InlineData("a: @at\n")]
    [InlineData("- a\nb: c\n")]
    [InlineData("a: x\rb: y\n")]
    public void Leaves_everything_else_to_YamlDotNet(string piece)
    {
        Assert.Null(ReadDirectly(piece));
    }

    [Fact]
    public void Every_piece_of_every_yaml_file_in_the_repository_reads_the_same()
    {
        var files = new[] { "samples", "rules", "tests", "docs", "bench" }
            .Select(folder => RepositoryPaths.Combine(folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories))
            .Where(path => (path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal))
                && !path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                && !path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        var read = 0;
        var pieces = 0;
        var differences = new List<string>();
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            foreach (var (start, length, firstLine) in ManifestTextReader.SplitAtDocumentMarkers(text))
            {
                var piece = text.Substring(start, length);
                pieces++;
                var direct = ReadDirectly(text, start, length, firstLine - 1);
                if (direct is null)
                {
                    continue;
                }

                read++;
                if (direct != ReadWithYamlDotNet(piece, firstLine - 1))
                {
                    differences.Add($"{path}:{firstLine}");
                }
            }
        }

        Assert.Empty(differences);

        // The comparison means something only if the direct reader takes most pieces: the repository's YAML is the
        // kind it is written for.
        Assert.True(files.Count > 100, $"{files.Count} files");
        Assert.True(read > pieces * 8 / 10, $"{read} of {pieces} pieces read directly");
    }

    [Fact]
    public void Every_piece_of_the_sample_is_read_directly()
    {
        var sample = RepositoryPaths.Combine("samples", "odoo-distribution");
        var left = new List<string>();
        foreach (var path in Directory.EnumerateFiles(sample, "*.yaml", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(path);
            foreach (var (start, length, firstLine) in ManifestTextReader.SplitAtDocumentMarkers(text))
            {
                if (ReadDirectly(text, start, length, firstLine - 1) is null)
                {
                    left.Add($"{Path.GetFileName(path)}:{firstLine}");
                }
            }
        }

        Assert.True(left.Count == 0, string.Join(", ", left));
    }

    [Fact]
    public void A_duplicate_key_is_reported_where_the_reference_reports_it()
    {
        var problems = new List<InputProblem>();
        var documents = new List<SourceDocument>();

        Assert.True(CommonYamlReader.TryRead("a:\n  x: 1\n  x: 2\nb: 1\nb: 2\n", 0, 27, 10, 3, LoaderLimits.Default, documents, problems));

        Assert.Equal(
            new[] { (InputProblemKind.DuplicateKey, 13, 3, 3), (InputProblemKind.DuplicateKey, 15, 1, 3) },
            problems.Select(p => (p.Kind, p.Line, p.Column, p.DocumentIndex)));
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_left_to_the_reference_which_reports_it()
    {
        var deep = new StringBuilder();
        for (var level = 0; level < 6; level++)
        {
            deep.Append(' ', level * 2).Append("k").Append(level).Append(":\n");
        }

        deep.Append(' ', 12).Append("leaf: 1\n");
        var limits = LoaderLimits.Default with { MaxDepth = 4 };

        Assert.False(CommonYamlReader.TryRead(deep.ToString(), 0, deep.Length, 0, 0, limits, new List<SourceDocument>(), new List<InputProblem>()));
        var problems = new List<InputProblem>();
        ManifestTextReader.Read(deep.ToString(), false, limits, new List<SourceDocument>(), problems);
        Assert.Equal(InputProblemKind.NestingDepth, Assert.Single(problems).Kind);
    }

    private static string? ReadDirectly(string piece, int lineOffset = 0) => ReadDirectly(piece, 0, piece.Length, lineOffset);

    /// <summary>Reads the piece in place, inside the whole text, as the loader does.</summary>
    private static string? ReadDirectly(string text, int start, int length, int lineOffset)
    {
        var documents = new List<SourceDocument>();
        var problems = new List<InputProblem>();
        return CommonYamlReader.TryRead(text, start, length, lineOffset, 0, LoaderLimits.Default, documents, problems) ? Describe(documents, problems) : null;
    }

    private static string ReadWithYamlDotNet(string piece, int lineOffset = 0)
    {
        var documents = new List<SourceDocument>();
        var problems = new List<InputProblem>();
        ManifestTextReader.ParsePiece(piece, lineOffset, 0, LoaderLimits.Default, documents, problems);
        return Describe(documents, problems);
    }

    private static string Describe(List<SourceDocument> documents, List<InputProblem> problems)
    {
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            text.Append("document ").Append(document.Index).Append('\n');
            Describe(document.Root, text, 1);
        }

        foreach (var problem in problems)
        {
            text.Append("problem ").Append(problem).Append('\n');
        }

        return text.ToString();
    }

    private static void Describe(YamlNode node, StringBuilder text, int depth)
    {
        text.Append(' ', depth * 2).Append(node.Line).Append(':').Append(node.Column).Append(' ');
        switch (node)
        {
            case ScalarNode scalar:
                text.Append(scalar.IsPlain ? "plain " : "quoted ").Append('[').Append(scalar.Value.Replace("\n", "\\n", StringComparison.Ordinal)).Append("]\n");
                break;
            case MappingNode mapping:
                text.Append("mapping\n");
                foreach (var entry in mapping.Entries)
                {
                    Describe(entry.Key, text, depth + 1);
                    Describe(entry.Value, text, depth + 2);
                }

                break;
            case SequenceNode sequence:
                text.Append("sequence\n");
                foreach (var item in sequence.Items)
                {
                    Describe(item, text, depth + 1);
                }

                break;
        }
    }
}
