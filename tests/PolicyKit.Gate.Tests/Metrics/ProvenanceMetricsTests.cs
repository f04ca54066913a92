using System.IO;
using System.Linq;
using System.Text.Json;
using PolicyKit.Gate.Tests.PullRequests;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests.Metrics;

/// <summary>
/// Metric 8 per release and environment from evidence committed in the history: the sample's odoo bundle verifies
/// (allowed signer, SLSA provenance from the required repository), its redis bundle does not (altered inclusion proof).
/// </summary>
public sealed class ProvenanceMetricsTests
{
    private const string Odoo = "odoo:17.0@sha256:ee1e226c9507810bb036b16f4cf4ab2eb1c7a4d9427675898c51b9347c0caea1";
    private const string Redis = "redis:7.2.5@sha256:509426346862f7cb7e8a5616077982d83b9854f046de427d00dff714c7049f2d";
    private const string Nginx = "nginx:1.25";

    private const string Environments = """
        environments:
          - name: production
            paths: ["prod/**"]
          - name: staging
            paths: ["staging/**"]

        """;

    private const string ProvenancePolicy = """
        provenance:
          trustedRoot: provenance/trusted_root.json
          images: ["docker.io/**"]
          identities:
            - identity: https://github.com/acme-distribution/odoo-images/.github/workflows/release.yml@refs/heads/main
              issuer: https://token.actions.githubusercontent.com
          slsa:
            sourceRepository: https://github.com/acme-distribution/odoo-images
        environments:
          - name: production
            paths: ["prod/**"]
          - name: staging
            paths: ["staging/**"]
            provenance:            # staging trusts another workflow only: odoo's bundle verifies but is not its signer
              identities:
                - identity: https://github.com/acme-distribution/odoo-images/.github/workflows/staging.yml@refs/heads/main
                  issuer: https://token.actions.githubusercontent.com

        """;

    [SkippableFact]
    public void Signed_and_slsa_counts_follow_the_evidence_and_policy_of_each_release_and_environment()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("policykit.yaml", "failOn: critical\n" + Environments);
        git.Write("prod/web.yaml", Deployment("web", Odoo, Redis));
        git.Write("staging/web.yaml", Deployment("web", Odoo));
        git.Commit("v1: no provenance policy");
        git.MustRun("tag", "v1.0.0");

        git.Write("policykit.yaml", "failOn: critical\n" + ProvenancePolicy);
        foreach (var file in new[] { "trusted_root.json", "odoo-17.0.sigstore.json", "redis-7.2.5.sigstore.json" })
        {
            git.Write("provenance/" + file, File.ReadAllText(RepositoryPaths.Combine("samples", "odoo-distribution", "provenance", file)));
        }

        git.Write("prod/web.yaml", Deployment("web", Odoo, Redis, Nginx));
        git.Commit("v2: provenance policy and evidence");
        git.MustRun("tag", "v2.0.0");

        // Only the failing bundle goes: nothing about the manifests changes, so only the evidence can move the figures.
        git.Delete("provenance/odoo-17.0.sigstore.json");
        git.Commit("v3: odoo's evidence removed");
        git.MustRun("tag", "v3.0.0");

        var run = PolicyKitProcess.Run(git.Path, "metrics", ".", "--format", "json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var all = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("releases").EnumerateArray().ToList();
        var releases = all.ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("provenance"));

        // The removed bundle is judged again although prod/web.yaml did not change (no stale reuse): odoo loses its evidence.
        Assert.Equal(new[] { 0, 0, 1 }, all.Select(r => MissingEvidence(r, "production")).ToArray());

        // v1.0.0: no provenance policy anywhere: counted images, but signed and SLSA are null with the reason, never 0.
        var v1 = releases["v1.0.0"];
        Assert.Equal((2, 2, (int?)null, (int?)null, (int?)null, "no provenance policy"), Figures(v1));
        Assert.Equal((2, 2, null, null, null, "no provenance policy"), Figures(Environment(v1, "production")));
        Assert.Equal((1, 1, null, null, null, "no provenance policy"), Figures(Environment(v1, "staging")));
        Assert.Equal(JsonValueKind.Null, v1.GetProperty("signedRatio").ValueKind);

        // v2.0.0 production: odoo verified from the allowed signer with matching SLSA provenance; redis's bundle fails;
        // nginx is not pinned, so no bundle can name it: 1 of 3 signed, 1 of 3 with SLSA provenance.
        var v2 = releases["v2.0.0"];
        var production = Environment(v2, "production");
        Assert.Equal((3, 2, 3, 1, 1, (string?)null), Figures(production));
        Assert.Equal(0.3333, production.GetProperty("signedRatio").GetDouble());
        Assert.Equal(0.3333, production.GetProperty("slsaRatio").GetDouble());

        // staging requires another signer: the same verified bundle does not count.
        Assert.Equal((1, 1, 1, 0, 0, (string?)null), Figures(Environment(v2, "staging")));

        // all: three distinct references; odoo counts only where every deployment holds, and staging's does not.
        Assert.Equal((3, 2, 3, 0, 0, (string?)null), Figures(v2));

        // v3.0.0: odoo's bundle removed, manifests unchanged: nothing signed any more.
        Assert.Equal((3, 2, 3, 0, 0, (string?)null), Figures(Environment(releases["v3.0.0"], "production")));

        var openMetrics = PolicyKitProcess.Run(git.Path, "metrics", ".", "--format", "openmetrics");
        Assert.True(openMetrics.ExitCode == 0, openMetrics.ToString());
        var signed = OpenMetricsParser.Parse(openMetrics.StandardOutput)["policykit_images_signed"].Samples
            .ToDictionary(s => (s.Labels["release"], s.Labels["environment"]), s => s.Value);

        var families = OpenMetricsParser.Parse(openMetrics.StandardOutput);
        using var dashboard = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("docs", "grafana", "policykit-metrics.json")));
        var queried = dashboard.RootElement.GetProperty("panels").EnumerateArray().SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .SelectMany(t => System.Text.RegularExpressions.Regex.Matches(t.GetProperty("expr").GetString()!, "policykit_[a-z0-9_]+").Select(m => m.Value))
            .Where(MeasuredOnly).Distinct().ToList();
        Assert.NotEmpty(queried);
        Assert.All(queried, name => Assert.True(families.ContainsKey(name), name + " is queried by the dashboard but not exposed"));
        Assert.Equal(0.3333, families["policykit_images_signed_ratio"].Samples.Single(s => s.Labels["release"] == "v2.0.0" && s.Labels["environment"] == "production").Value);

        // v1.0.0 has no sample at all (not measured), rather than a 0.
        Assert.Equal(
            new[] { (("v2.0.0", "production"), 1.0), (("v2.0.0", "staging"), 0.0), (("v3.0.0", "production"), 0.0), (("v3.0.0", "staging"), 0.0) },
            signed.OrderBy(s => s.Key).Select(s => (s.Key, s.Value)).ToArray());
    }

    [SkippableFact]
    public void A_release_whose_trusted_root_cannot_be_read_is_an_error_and_the_next_release_is_still_measured()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        git.Write("policykit.yaml", "failOn: critical\n" + ProvenancePolicy);
        git.Write("prod/web.yaml", Deployment("web", Odoo));
        git.Commit("trusted root missing");
        git.MustRun("tag", "v1.0.0");
        git.Write("provenance/trusted_root.json", File.ReadAllText(RepositoryPaths.Combine("samples", "odoo-distribution", "provenance", "trusted_root.json")));
        git.Write("provenance/odoo-17.0.sigstore.json", File.ReadAllText(RepositoryPaths.Combine("samples", "odoo-distribution", "provenance", "odoo-17.0.sigstore.json")));
        git.Commit("trusted root added");
        git.MustRun("tag", "v2.0.0");

        var run = PolicyKitProcess.Run(git.Path, "metrics", ".", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var releases = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("releases").EnumerateArray().ToList();
        Assert.Equal("error", releases[0].GetProperty("verdict").GetString());
        Assert.Contains("trustedRoot", releases[0].GetProperty("policyError").GetString(), System.StringComparison.Ordinal);
        Assert.Equal((1, 1, 1, 1, 1, (string?)null), Figures(Environment(releases[1].GetProperty("provenance"), "production")));
    }

    [SkippableFact]
    public void Evidence_rewritten_in_place_is_verified_again_and_kept_while_only_manifests_change()
    {
        Skip.IfNot(GitHistory.IsAvailable, GitHistory.SkipReason);
        using var git = new GitHistory();
        var sample = (string file) => File.ReadAllText(RepositoryPaths.Combine("samples", "odoo-distribution", "provenance", file));
        git.Write("policykit.yaml", "failOn: critical\n" + ProvenancePolicy.Replace("provenance/trusted_root.json", "trust/trusted_root.json"));
        git.Write("trust/trusted_root.json", sample("trusted_root.json"));
        git.Write("provenance/odoo-17.0.sigstore.json", sample("redis-7.2.5.sigstore.json"));
        git.Write("prod/web.yaml", Deployment("web", Odoo));
        git.Commit("v1: the odoo bundle holds redis's evidence");
        git.MustRun("tag", "v1.0.0");
        git.Write("prod/web.yaml", Deployment("web", Odoo) + "# v2\n");
        git.Commit("v2: a manifest only");
        git.MustRun("tag", "v2.0.0");

        // Every path stays and only contents change: each release follows the previous one's discovery, so only the
        // changed file itself can tell that the evidence must be verified again.
        git.Write("provenance/odoo-17.0.sigstore.json", sample("odoo-17.0.sigstore.json"));
        git.Commit("v3: the odoo bundle rewritten in place");
        git.MustRun("tag", "v3.0.0");
        git.Write("prod/web.yaml", Deployment("web", Odoo) + "# v4\n");
        git.Commit("v4: a manifest only");
        git.MustRun("tag", "v4.0.0");
        git.Write("trust/trusted_root.json", "{}\n");
        git.Commit("v5: the trusted root, outside the evidence folders, rewritten");
        git.MustRun("tag", "v5.0.0");

        var run = PolicyKitProcess.Run(git.Path, "metrics", ".", "--format", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonDocument.Parse(run.StandardOutput).RootElement;
        var releases = report.GetProperty("releases").EnumerateArray().ToList();
        // v5: a root that trusts no authority verifies nothing, although neither a manifest nor a bundle changed.
        Assert.Equal(new int?[] { 0, 0, 1, 1, 0 }, releases.Select(r => Figures(Environment(r.GetProperty("provenance"), "production")).Signed).ToArray());
        Assert.Equal(4, report.GetProperty("cost").GetProperty("discoveriesReused").GetInt32());
    }

    /// <summary>Series present only where a release's images are under a provenance policy.</summary>
    internal static bool MeasuredOnly(string series) =>
        series is "policykit_images_provenance_measured" or "policykit_images_signed" or "policykit_images_slsa_provenance"
            or "policykit_images_signed_ratio" or "policykit_images_slsa_provenance_ratio";

    private static int MissingEvidence(JsonElement release, string environment) =>
        release.GetProperty("violations").EnumerateArray().Single(v => v.GetProperty("environment").GetString() == environment)
            .GetProperty("byRule").TryGetProperty("PK6002", out var count) ? count.GetInt32() : 0;

    private static JsonElement Environment(JsonElement provenance, string name) =>
        provenance.GetProperty("environments").EnumerateArray().Single(e => e.GetProperty("environment").GetString() == name);

    private static (int Images, int Pinned, int? Measured, int? Signed, int? Slsa, string? NotMeasured) Figures(JsonElement figures) => (
        figures.GetProperty("images").GetInt32(),
        figures.GetProperty("pinned").GetInt32(),
        Count(figures.GetProperty("measured")),
        Count(figures.GetProperty("signed")),
        Count(figures.GetProperty("slsaProvenance")),
        figures.TryGetProperty("notMeasured", out var reason) ? reason.GetString() : null);

    private static int? Count(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetInt32();

    private static string Deployment(string name, params string[] images) =>
        $"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {name}
          namespace: odoo
        spec:
          selector:
            matchLabels:
              app: {name}
          template:
            metadata:
              labels:
                app: {name}
            spec:
              containers:
        {string.Concat(images.Select((image, i) => $"        - name: c{i}\n          image: {image}\n"))}
        """;
}
