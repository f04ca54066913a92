using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// <c>policykit verify-bundle</c> driven exactly as the sigstore-conformance suite drives a client (its CLI protocol),
/// over every case of the suite's bundle-verify assets: exit 0 when the case must verify, 1 with one line otherwise.
/// </summary>
public sealed class VerifyBundleTests
{
    private const string DefaultIdentity = "https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main";
    private const string DefaultIssuer = "https://token.actions.githubusercontent.com";

    private static string Cases => RepositoryPaths.Combine("tests", "PolicyKit.Provenance.Tests", "Fixtures", "conformance");

    public static IEnumerable<object[]> All() =>
        Directory.GetDirectories(Cases).Select(Path.GetFileName).Order(StringComparer.Ordinal).Select(name => new object[] { name! });

    [Theory]
    [MemberData(nameof(All))]
    public void Conformance_protocol_case_exits_as_the_suite_expects(string name)
    {
        var result = PolicyKitProcess.Run(Arguments(name, useDigest: false), Cases);

        if (name.EndsWith("_fail", StringComparison.Ordinal))
        {
            Assert.True(result.ExitCode == 1, result.ToString());
            var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("policykit: verify-bundle: ", line, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.StartsWith("verified: sha256:", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("happy-path-v0.3", 0)]
    [InlineData("happy-path-intoto-in-dsse-v3", 0)]
    [InlineData("message-digest-mismatch_fail", 1)]
    public void Artifact_given_as_a_sha256_digest_is_verified_like_the_file(string name, int exitCode)
    {
        var result = PolicyKitProcess.Run(Arguments(name, useDigest: true), Cases);

        Assert.True(result.ExitCode == exitCode, result.ToString());
    }

    [Fact]
    public void Identity_without_issuer_is_a_usage_error()
    {
        var result = PolicyKitProcess.Run(Cases, "verify-bundle", "--bundle", "happy-path-v0.3/bundle.sigstore.json", "--certificate-identity", DefaultIdentity, "a.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--certificate-oidc-issuer", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_bundle_file_fails_with_its_path_and_no_stack_trace()
    {
        var result = PolicyKitProcess.Run(Cases, "verify-bundle", "--bundle", "nowhere.sigstore.json", "--certificate-identity", DefaultIdentity, "--certificate-oidc-issuer", DefaultIssuer, "a.txt");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot read bundle 'nowhere.sigstore.json'", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Staging_bundle_verifies_with_the_shipped_staging_root()
    {
        var fixtures = RepositoryPaths.Combine("tests", "PolicyKit.Provenance.Tests", "Fixtures", "sigstore-python");
        var arguments = new[] { "verify-bundle", "--staging", "--bundle", "bundle_v3.txt.sigstore", "--certificate-identity", "william@yossarian.net", "--certificate-oidc-issuer", "https://github.com/login/oauth", "bundle_v3.txt" };

        var staging = PolicyKitProcess.Run(fixtures, arguments);
        var publicGood = PolicyKitProcess.Run(fixtures, arguments.Where(a => a != "--staging").ToArray());

        Assert.True(staging.ExitCode == 0, staging.ToString());
        Assert.Equal(1, publicGood.ExitCode);
    }

    /// <summary>The protocol's argument order: [--staging] --bundle B (--certificate-identity I --certificate-oidc-issuer U | --key K) [--trusted-root R] FILE_OR_DIGEST.</summary>
    private static string[] Arguments(string name, bool useDigest)
    {
        var directory = Path.Combine(Cases, name);
        var arguments = new List<string> { "verify-bundle", "--bundle", Path.Combine(name, "bundle.sigstore.json") };
        if (File.Exists(Path.Combine(directory, "key.pub")))
        {
            arguments.AddRange(new[] { "--key", Path.Combine(name, "key.pub") });
        }
        else
        {
            arguments.AddRange(new[] { "--certificate-identity", Read(directory, "identity") ?? DefaultIdentity, "--certificate-oidc-issuer", Read(directory, "issuer") ?? DefaultIssuer });
        }

        if (File.Exists(Path.Combine(directory, "trusted_root.json")))
        {
            arguments.AddRange(new[] { "--trusted-root", Path.Combine(name, "trusted_root.json") });
        }

        var artifact = File.Exists(Path.Combine(directory, "artifact")) ? Path.Combine(name, "artifact") : "a.txt";
        arguments.Add(useDigest ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Cases, artifact)))) : artifact);
        return arguments.ToArray();
    }

    private static string? Read(string directory, string file)
    {
        var path = Path.Combine(directory, file);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
