using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// Every way a file can be unusable is a located finding of category <c>input</c> (PK0001 to PK0008) that blocks by
/// default, while the other files, and the other documents of the same stream, are still checked. The gate never
/// crashes on input and never shows a stack trace.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public void Tab_indentation_is_PK0001_on_the_line_with_the_tab()
    {
        AssertInputFinding("PK0001", line: 4, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: odoo-config\ndata:\n  ODOO_DB_HOST: postgres\n");
    }

    [Fact]
    public void Unclosed_quote_is_PK0001_on_the_line_where_the_quote_opens()
    {
        AssertInputFinding("PK0001", line: 4, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"odoo-config\ndata:\n  ODOO_DB_HOST: postgres\n");
    }

    [Fact]
    public void Bad_indentation_is_PK0001_on_the_misindented_line()
    {
        AssertInputFinding("PK0001", line: 5, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo-config\n   labels: odoo\ndata:\n  ODOO_DB_HOST: postgres\n");
    }

    [Fact]
    public void Document_without_kind_is_PK0002_at_the_start_of_the_document()
    {
        AssertInputFinding("PK0002", line: 1, "apiVersion: v1\nmetadata:\n  name: odoo-db\nstringData:\n  PASSWORD: change-me\n");
    }

    [Fact]
    public void Document_without_apiVersion_later_in_a_stream_is_PK0002_at_its_own_first_line()
    {
        var result = AssertInputFinding("PK0002", line: 13, Manifests.NodePortService + "---\nkind: ConfigMap\nmetadata:\n  name: odoo-config\n");

        Assert.Equal([7], GateAssert.LinesOf(result, "PK1014", "bad.yaml"));
    }

    [Fact]
    public void Duplicate_key_is_PK0003_at_the_second_occurrence()
    {
        AssertInputFinding("PK0003", line: 5, "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo-config\n  name: odoo-settings\ndata:\n  ODOO_DB_HOST: postgres\n");
    }

    [Fact]
    public void Binary_file_is_PK0004_on_the_line_of_its_first_NUL_byte()
    {
        var bytes = Encoding.ASCII.GetBytes("apiVersion: v1\nkind: ConfigMap\n").Concat(new byte[] { 0x00, 0x01, 0x02, 0xFF, 0x00, 0x0A }).ToArray();

        AssertInputFinding("PK0004", line: 3, bytes);
    }

    [Fact]
    public void Non_utf8_file_is_PK0004_on_the_line_of_the_invalid_bytes()
    {
        var bytes = Encoding.ASCII.GetBytes("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: caf")
            .Concat(new byte[] { 0xC3, 0x28 })
            .Concat(Encoding.ASCII.GetBytes("\ndata:\n  A: b\n"))
            .ToArray();

        AssertInputFinding("PK0004", line: 4, bytes);
    }

    [Fact]
    public void Empty_file_is_PK0005()
    {
        AssertInputFinding("PK0005", line: 1, string.Empty);
    }

    [Fact]
    public void File_of_only_comments_is_not_empty_and_not_a_finding()
    {
        using var folder = new TempDirectory();
        folder.Write("notes.yaml", "# rendered by helm, nothing enabled\n---\n");

        var run = folder.Run("check", "notes.yaml", "--format", "json", "--allow-empty");

        Assert.Equal(0, run.ExitCode);
        Assert.Empty(JsonReport.Findings(run.StandardOutput));
    }

    [Fact]
    public void Billion_laughs_alias_bomb_is_PK0006_without_expanding_it()
    {
        const string bomb = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: odoo-lol
            data:
              a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
              b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
              c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
              d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
              e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
              f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
              g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
              h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
              i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]

            """;

        // 9^6 nodes are already past the limit of 100,000 by the time the parser reaches the sixth level.
        AssertInputFinding("PK0006", line: 11, bomb);
    }

    [Fact]
    public void Flow_sequence_nested_10000_levels_deep_is_PK0007()
    {
        var deep = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo-deep\ndata:\n  a: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        AssertInputFinding("PK0007", line: 6, deep);
    }

    [Fact]
    public void File_of_20_MB_is_PK0008_without_being_parsed()
    {
        var builder = new StringBuilder(21 * 1024 * 1024);
        for (var i = 0; builder.Length < 20 * 1024 * 1024; i++)
        {
            builder.Append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: odoo-translations-").Append(i)
                .Append("\n  namespace: odoo\ndata:\n  fr_FR.po: \"msgid \\\"Invoice\\\" msgstr \\\"Facture\\\"\"\n");
        }

        AssertInputFinding("PK0008", line: 1, builder.ToString());
    }

    [Fact]
    public void Malformed_document_costs_only_itself_in_a_stream()
    {
        var stream = Manifests.NodePortService                                                  // lines 1-11, spec.type at line 7
            + "---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \"odoo-config\n"           // lines 12-16, the quote opens at line 16
            + "---\n" + Manifests.NodePortService.Replace("NodePort", "LoadBalancer").Replace("odoo-debug", "odoo-public"); // lines 17-28, spec.type at line 24

        var result = AssertInputFinding("PK0001", line: 16, stream);

        Assert.Equal([7, 24], GateAssert.LinesOf(result, "PK1014", "bad.yaml"));
    }

    [Fact]
    public void Input_finding_blocks_by_default_even_when_nothing_else_does()
    {
        using var folder = new TempDirectory();
        folder.Write("empty.yaml", string.Empty);

        var result = folder.Run("check", ".");

        GateAssert.ExitCode(1, result);
        Assert.Contains("empty.yaml  (policy-wide: fail on high)\n  ✗ 1:1  high  PK0005", result.StandardOutput);
    }

    [Fact]
    public void Every_kind_of_bad_input_in_one_folder_is_reported_file_by_file()
    {
        using var folder = new TempDirectory();
        folder.Write("a-tab.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n");
        folder.Write("b-kindless.yaml", "apiVersion: v1\nmetadata:\n  name: x\n");
        folder.Write("c-duplicate.yaml", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata:\n  name: x\n");
        folder.Write("d-binary.yaml", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0x00, 0x00 });
        folder.Write("e-empty.yaml", string.Empty);
        folder.Write("f-deep.json", "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"data\": " + new string('[', 500) + new string(']', 500) + "}");
        folder.Write("g-service.yaml", Manifests.NodePortService);

        var result = folder.Run("check", ".", "--format", "json");

        GateAssert.ExitCode(1, result);
        GateAssert.NoStackTrace(result);
        var reported = JsonReport.Findings(result.StandardOutput).Select(f => $"{JsonReport.File(f)} {f.GetProperty("ruleId").GetString()}");
        Assert.Equal(
            ["a-tab.yaml PK0001", "b-kindless.yaml PK0002", "c-duplicate.yaml PK0003", "d-binary.yaml PK0004", "e-empty.yaml PK0005", "f-deep.json PK0007", "g-service.yaml PK1014"],
            reported);
    }

    private static PolicyKitResult AssertInputFinding(string ruleId, int line, string content) =>
        AssertInputFinding(ruleId, line, new UTF8Encoding(false).GetBytes(content));

    /// <summary>
    /// Checks <c>bad.yaml</c> (the given bytes) beside <c>odoo.yaml</c>, whose only finding is a medium one that does not
    /// block: the exit code 1 then comes from the input finding alone, and the medium finding shows odoo.yaml was still checked.
    /// </summary>
    private static PolicyKitResult AssertInputFinding(string ruleId, int line, byte[] content)
    {
        using var folder = new TempDirectory();
        folder.Write("bad.yaml", content);
        folder.Write("odoo.yaml", Manifests.UnpinnedDeployment);

        var result = folder.Run("check", ".", "--format", "json");

        GateAssert.NoStackTrace(result);
        GateAssert.ExitCode(1, result);
        var finding = GateAssert.SingleFinding(result, ruleId, "bad.yaml");
        Assert.Equal("input", finding.GetProperty("category").GetString());
        Assert.Equal(line, JsonReport.Line(finding));
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("resource").ValueKind);
        Assert.True(finding.GetProperty("blocking").GetBoolean());
        Assert.DoesNotContain(
            JsonReport.Findings(result.StandardOutput),
            f => JsonReport.File(f) == "bad.yaml" && f.GetProperty("category").GetString() == "input" && f.GetProperty("ruleId").GetString() != ruleId);
        GateAssert.SingleFinding(result, "PK1001", "odoo.yaml");
        return result;
    }
}
