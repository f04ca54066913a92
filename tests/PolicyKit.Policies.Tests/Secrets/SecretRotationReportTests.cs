using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Json.Schema;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports;
using PolicyKit.Testing;

namespace PolicyKit.Policies.Tests.Secrets;

/// <summary>The rotation metric in the JSON summary, against the published schema and the sample tenant.</summary>
public sealed class SecretRotationReportTests
{
    private const string Mixed = """
        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata:
          name: odoo-db
          namespace: odoo-acme
        spec:
          refreshInterval: 1h
        ---
        apiVersion: bitnami.com/v1alpha1
        kind: SealedSecret
        metadata:
          name: odoo-redis
          namespace: odoo-acme
        spec:
          encryptedData:
            password: AgBy3i4OJSWK
        """;

    private static readonly System.Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepositoryPaths.Combine("docs", "schemas", "report.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    [Fact]
    public void The_summary_carries_counts_ratio_and_one_item_per_secret()
    {
        var rotation = Summary(Scan.Text(Mixed, "secrets.yaml")).GetProperty("secretsRotation");

        Assert.Equal((2, 1, 0.5), (rotation.GetProperty("secrets").GetInt32(), rotation.GetProperty("compliant").GetInt32(), rotation.GetProperty("ratio").GetDouble()));
        var items = rotation.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(new[] { "ExternalSecret", "SealedSecret" }, items.Select(i => i.GetProperty("kind").GetString()));
        Assert.Equal(new[] { 7, 12 }, items.Select(i => i.GetProperty("line").GetInt32()));
        Assert.Equal(new[] { true, false }, items.Select(i => i.GetProperty("compliant").GetBoolean()));
    }

    [Fact]
    public void The_ratio_is_null_when_there_is_no_secret()
    {
        var rotation = Summary(Scan.Text("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n")).GetProperty("secretsRotation");

        Assert.Equal(JsonValueKind.Null, rotation.GetProperty("ratio").ValueKind);
        Assert.Equal(0, rotation.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData(Mixed)]
    [InlineData("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n")]
    public void Reports_with_and_without_secrets_match_the_published_schema(string manifest)
    {
        using var document = JsonDocument.Parse(Json(Scan.Text(manifest)));

        var evaluation = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(evaluation.IsValid, string.Join("\n", evaluation.Details?.Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? Enumerable.Empty<string>()));
    }

    [Fact]
    public void The_sample_tenant_has_no_plaintext_secret_and_every_external_secret_is_rotation_compliant()
    {
        var sample = RepositoryPaths.Combine("samples", "odoo-distribution");
        var sources = InputCollector.Collect(new[] { sample }, PolicyConfig.Defaults(sample), RepositoryPaths.Root)
            .Where(s => !s.DisplayPath.Contains("/exceptions/"))
            .ToArray();

        var result = Scan.Run(PolicyConfig.Defaults(sample), sources);

        Assert.DoesNotContain(result.Findings, f => f.Category == "secrets");
        Assert.Equal((3, 3), (result.SecretRotation.Secrets, result.SecretRotation.Compliant));
        Assert.All(result.SecretRotation.Items, item => Assert.Equal("ExternalSecret", item.Kind));
    }

    private static JsonElement Summary(EvaluationResult result) => JsonDocument.Parse(Json(result)).RootElement.GetProperty("summary");

    private static string Json(EvaluationResult result)
    {
        using var stream = new MemoryStream();
        JsonReportWriter.Write(result, ToolInfo.Engine, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
