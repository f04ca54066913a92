using System.IO;
using System.Linq;
using PolicyKit.Policies.Loading;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>The published JSON Schema for exception files accepts the sample's records and refuses what PolicyKit refuses.</summary>
public sealed class ExceptionSchemaTests
{
    private static readonly string Schema = RepositoryPaths.Combine("docs", "schemas", "exception.schema.json");

    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.Combine("samples", "odoo-distribution", "exceptions"), "*.yaml").OrderBy(f => f))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    private static string[] Errors(string yaml)
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText("exceptions.yaml", yaml), LoaderLimits.Default);
        Assert.Empty(loaded.Problems);
        return loaded.Documents.SelectMany(d => SchemaValidation.Errors(YamlToJson.Convert(d.Root)!.ToJsonString(), Schema)).ToArray();
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_exception_file_matches_the_published_schema(string file)
    {
        var errors = Errors(File.ReadAllText(RepositoryPaths.Combine("samples", "odoo-distribution", "exceptions", file)));

        Assert.True(errors.Length == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Schema_refuses_a_misspelt_scope_field()
    {
        Assert.NotEmpty(Errors(ExceptionText.File(ExceptionText.Record(scope: "{namespace: [odoo-acme]}"))));
    }

    [Fact]
    public void Schema_refuses_a_record_without_an_approver()
    {
        Assert.NotEmpty(Errors(ExceptionText.File(ExceptionText.Record().Replace("    approver: jonas.berg@acme.example\n", string.Empty))));
    }

    [Fact]
    public void Schema_refuses_a_rule_id_that_is_not_one()
    {
        Assert.NotEmpty(Errors(ExceptionText.File(ExceptionText.Record(rules: "[pk1009]"))));
    }

    [Fact]
    public void Schema_accepts_a_trailing_wildcard_rule()
    {
        Assert.Empty(Errors(ExceptionText.File(ExceptionText.Record(rules: "[\"PK12*\"]"))));
    }

    [Fact]
    public void Schema_refuses_values_for_an_Exists_label_expression()
    {
        Assert.NotEmpty(Errors(ExceptionText.File(ExceptionText.Record(scope: "{labels: {matchExpressions: [{key: app, operator: Exists, values: [x]}]}}"))));
    }
}
