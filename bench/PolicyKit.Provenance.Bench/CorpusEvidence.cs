using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PolicyKit.Provenance.Tests.Infrastructure;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Bench;

/// <summary>
/// Writes Sigstore evidence for every image digest a corpus pins: real bundles (DSSE in-toto SLSA v1 provenance,
/// Fulcio-like leaf with SCT, Rekor v1 entry with inclusion proof, signed checkpoint and SET), signed by the tests'
/// throw-away Sigstore instance, since no public bundle signs the generated corpus's random digests. Also writes that
/// instance's trusted root and two policies: <c>base.yaml</c> (every default pack, no provenance policy) and
/// <c>provenance.yaml</c> (the same, with signer identity and SLSA provenance required for every image).
/// </summary>
internal static partial class CorpusEvidence
{
    public const string Identity = "https://github.com/example/odoo-images/.github/workflows/release.yml@refs/heads/main";

    public static int Write(string corpus, string output)
    {
        var images = PinnedImages(corpus);
        if (images.Count == 0)
        {
            Console.Error.WriteLine($"no image pinned by digest under {corpus}");
            return 2;
        }

        var evidence = Path.Combine(output, "evidence", "provenance");
        Directory.CreateDirectory(evidence);
        using var sigstore = new TestSigstore();
        var signingTime = new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
        var utf8 = new UTF8Encoding(false);
        foreach (var (digest, name) in images)
        {
            var spec = new TestBundleSpec { Dsse = true, LogKind = "dsse", Identity = Identity, SigningTime = signingTime, SubjectName = name };
            var bundle = sigstore.Sign(spec, Artifact.FromDigest(digest));
            var file = name.Substring(name.LastIndexOf('/') + 1) + "-" + digest.Substring("sha256:".Length, 12) + ".sigstore.json";
            File.WriteAllText(Path.Combine(evidence, file), bundle.Json.ToJsonString() + "\n", utf8);
        }

        File.WriteAllText(Path.Combine(output, "trusted_root.json"), sigstore.TrustedRootJson() + "\n", utf8);
        File.WriteAllText(Path.Combine(output, "base.yaml"), "# every default pack, no provenance policy\nfailOn: high\n", utf8);
        File.WriteAllText(Path.Combine(output, "provenance.yaml"), $$"""
            # every default pack; every image needs a verified bundle from the release workflow with SLSA v1 provenance
            failOn: high
            provenance:
              trustedRoot: trusted_root.json
              identities:
                - identity: {{Identity}}
                  issuer: https://token.actions.githubusercontent.com
              slsa:
                builderId: https://github.com/actions/runner/github-hosted
                sourceRepository: https://github.com/example/odoo-images
                sourceRef: refs/heads/main

            """, utf8);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{images.Count} distinct pinned digests under {corpus}: one bundle each in {evidence}"));
        return 0;
    }

    /// <summary>Each distinct <c>name@sha256:…</c> digest in the corpus's YAML files, with the first name it was seen with.</summary>
    private static SortedDictionary<string, string> PinnedImages(string corpus)
    {
        var images = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(corpus, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (Match match in PinnedImage().Matches(File.ReadAllText(file)))
            {
                images.TryAdd("sha256:" + match.Groups["digest"].Value, match.Groups["name"].Value);
            }
        }

        return images;
    }

    [GeneratedRegex(@"(?<name>[a-z0-9][a-z0-9./_-]*)(?::[\w.-]+)?@sha256:(?<digest>[0-9a-f]{64})", RegexOptions.CultureInvariant)]
    private static partial Regex PinnedImage();
}
