using System;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Discovery;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Provenance.Evidence;
using PolicyKit.Testing;

namespace PolicyKit.Provenance.Tests;

/// <summary>
/// A whole check, as <c>policykit check</c> runs it (discovery, evidence split, parallel engine evaluation), over a
/// tree where many resources in two environments deploy the same two images: each digest's bundle is verified once.
/// </summary>
public sealed class EvidenceRunTests : IDisposable
{
    private const string OdooImage = "odoo:17.0@sha256:ee1e226c9507810bb036b16f4cf4ab2eb1c7a4d9427675898c51b9347c0caea1";
    private const string RedisImage = "redis:7.2.5@sha256:509426346862f7cb7e8a5616077982d83b9854f046de427d00dff714c7049f2d";
    private const int FilesPerEnvironment = 20;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "policykit-provenance-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Each_distinct_digest_is_verified_once_however_many_resources_deploy_it()
    {
        var sample = RepositoryPaths.Combine("samples", "odoo-distribution", "provenance");
        Directory.CreateDirectory(Path.Combine(directory, "provenance"));
        foreach (var name in new[] { "odoo-17.0.sigstore.json", "redis-7.2.5.sigstore.json", "trusted_root.json" })
        {
            File.Copy(Path.Combine(sample, name), Path.Combine(directory, "provenance", name));
        }

        File.WriteAllText(Path.Combine(directory, "policykit.yaml"), """
            packs:
              - name: provenance
                version: "^1.0"
            environments:
              - name: development
                paths: ["dev/**"]
              - name: production
                paths: ["prod/**"]
            provenance:
              trustedRoot: provenance/trusted_root.json
              images: ["docker.io/**"]
            """);
        foreach (var environment in new[] { "dev", "prod" })
        {
            Directory.CreateDirectory(Path.Combine(directory, environment));
            for (var i = 0; i < FilesPerEnvironment; i++)
            {
                File.WriteAllText(Path.Combine(directory, environment, $"tenant-{i:D2}.yaml"), Deployment($"web-{i}", OdooImage) + "---\n" + Deployment($"cache-{i}", RedisImage));
            }
        }

        var config = PolicyConfigLoader.Load(Path.Combine(directory, "policykit.yaml"), "policykit.yaml");
        var sources = RepositoryDiscovery.Discover(new[] { "." }, config, directory, new DiscoveryOptions()).Sources;
        var (manifests, evidence) = EvidenceLoader.Split(sources, new[] { "." }, config, config.Provenance!, directory);
        var result = PolicyEngine.Evaluate(new EvaluationRequest(manifests, config) { Evidence = evidence });

        Assert.Equal(2, evidence.BundleVerifications);
        Assert.Equal(2 * FilesPerEnvironment * 2, result.ResourcesEvaluated);
        var failed = result.Findings.Where(f => f.Rule.Id == "PK6003").ToList();
        Assert.Equal(2 * FilesPerEnvironment, failed.Count);
        Assert.All(failed, f => Assert.Contains("inclusion proof of tlog entry", f.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Findings, f => f.Rule.Id == "PK6002");
        Assert.Equal(new[] { FilesPerEnvironment, FilesPerEnvironment }, result.Provenance.Environments.Select(e => e.Verified));
    }

    private static string Deployment(string name, string image) => new StringBuilder()
        .Append("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ").Append(name)
        .Append("\nspec:\n  selector:\n    matchLabels: {app: ").Append(name)
        .Append("}\n  template:\n    metadata:\n      labels: {app: ").Append(name)
        .Append("}\n    spec:\n      containers:\n        - name: main\n          image: ").Append(image).Append('\n')
        .ToString();
}
