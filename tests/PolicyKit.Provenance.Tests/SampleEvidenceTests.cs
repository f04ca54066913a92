using System;
using System.IO;
using System.Text;
using PolicyKit.Provenance.Evidence;
using PolicyKit.Provenance.Tests.Infrastructure;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;
using PolicyKit.Testing;

namespace PolicyKit.Provenance.Tests;

/// <summary>
/// The sample tenant's evidence (samples/odoo-distribution/provenance): produced by the test Sigstore instance, with
/// its trusted root beside it. <c>POLICYKIT_APPROVE=1</c> regenerates the files; otherwise the tests check what ships.
/// </summary>
public sealed class SampleEvidenceTests
{
    private const string OdooDigest = "sha256:ee1e226c9507810bb036b16f4cf4ab2eb1c7a4d9427675898c51b9347c0caea1";
    private const string RedisDigest = "sha256:509426346862f7cb7e8a5616077982d83b9854f046de427d00dff714c7049f2d";
    private const string Identity = "https://github.com/acme-distribution/odoo-images/.github/workflows/release.yml@refs/heads/main";

    private static string Folder => RepositoryPaths.Combine("samples", "odoo-distribution", "provenance");

    [Fact]
    public void Sample_evidence_proves_the_odoo_image_and_fails_for_the_redis_image()
    {
        if (Environment.GetEnvironmentVariable("POLICYKIT_APPROVE") == "1")
        {
            Regenerate();
        }

        var root = TrustedRootParser.Parse(File.ReadAllBytes(Path.Combine(Folder, "trusted_root.json")));
        var index = new BundleEvidenceIndex(
            new[] { Bundle("odoo-17.0.sigstore.json"), Bundle("redis-7.2.5.sigstore.json") },
            root,
            Array.Empty<System.Collections.Generic.KeyValuePair<string, Crypto.VerificationKey>>());

        var odoo = index.For(OdooDigest);
        var redis = index.For(RedisDigest);

        var verified = Assert.Single(odoo.Verified);
        Assert.Equal(Identity, Assert.Single(verified.Identities));
        Assert.Equal("https://github.com/acme-distribution/odoo-images", verified.Slsa!.SourceRepository);
        Assert.Empty(redis.Verified);
        Assert.Contains("inclusion proof of tlog entry", Assert.Single(redis.Failures).Reason, StringComparison.Ordinal);
    }

    private static System.Collections.Generic.KeyValuePair<string, byte[]> Bundle(string name) =>
        new(name, File.ReadAllBytes(Path.Combine(Folder, name)));

    private static void Regenerate()
    {
        using var sigstore = new TestSigstore();
        var predicate = """
            {"buildDefinition":{"buildType":"https://actions.github.io/buildtypes/workflow/v1","externalParameters":{"workflow":{"ref":"refs/heads/main","repository":"https://github.com/acme-distribution/odoo-images","path":".github/workflows/release.yml"}}},"runDetails":{"builder":{"id":"https://github.com/actions/runner/github-hosted"}}}
            """;
        var spec = new TestBundleSpec { Dsse = true, LogKind = "dsse", Identity = Identity, Predicate = predicate, SigningTime = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero) };
        var odoo = sigstore.Sign(spec with { SubjectName = "docker.io/library/odoo" }, Artifact.FromDigest(OdooDigest));
        var redis = sigstore.Sign(spec with { SubjectName = "docker.io/library/redis" }, Artifact.FromDigest(RedisDigest));

        // Deliberately broken: one audit-path hash changed after the fact, as a hand-edited or corrupted bundle would be.
        redis.Entry["inclusionProof"]!["hashes"]![0] = Convert.ToBase64String(new byte[32]);

        Directory.CreateDirectory(Folder);
        var indented = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
        File.WriteAllText(Path.Combine(Folder, "odoo-17.0.sigstore.json"), odoo.Json.ToJsonString(indented) + "\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(Folder, "redis-7.2.5.sigstore.json"), redis.Json.ToJsonString(indented) + "\n", new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(Folder, "trusted_root.json"), sigstore.TrustedRootJson() + "\n", new UTF8Encoding(false));
    }
}
