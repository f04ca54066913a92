using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Provenance;

/// <summary>
/// Evidence written out as data rather than verified from bundles: what rule examples state the door proved, e.g.
/// <c>- {digest: sha256:…, source: provenance/odoo.json, identity: …, issuer: …, slsa: {builderId: …}}</c> or
/// <c>- {digest: sha256:…, source: …, failure: "reason"}</c>.
/// </summary>
public sealed class RecordedEvidence : IImageEvidenceSource
{
    private readonly Dictionary<string, ImageEvidence> byDigest;

    private RecordedEvidence(Dictionary<string, ImageEvidence> byDigest) => this.byDigest = byDigest;

    public ImageEvidence For(string digest) => byDigest.TryGetValue(digest, out var evidence) ? evidence : ImageEvidence.None;

    public static RecordedEvidence Parse(string yaml, string displayPath)
    {
        var loaded = ManifestLoader.Load(ManifestSource.FromText(displayPath, yaml), LoaderLimits.Default);
        if (loaded.Problems.Count > 0)
        {
            throw new PolicyDefinitionException(displayPath, loaded.Problems[0].Line, loaded.Problems[0].Detail);
        }

        var verified = new Dictionary<string, List<VerifiedEvidence>>(StringComparer.Ordinal);
        var failures = new Dictionary<string, List<EvidenceFailure>>(StringComparer.Ordinal);
        var items = loaded.Documents.Count == 0 ? null : loaded.Documents[0].Root as SequenceNode;
        foreach (var item in items?.Items ?? Array.Empty<YamlNode>())
        {
            var entry = item as MappingNode ?? throw new PolicyDefinitionException(displayPath, item.Line, "each evidence entry must be a mapping");
            var digest = entry.GetString("digest") ?? throw new PolicyDefinitionException(displayPath, entry.Line, "evidence entry needs a digest");
            var source = entry.GetString("source") ?? "provenance/" + digest.Replace(':', '-') + ".sigstore.json";
            if (entry.GetString("failure") is { } reason)
            {
                Add(failures, digest, new EvidenceFailure(source, reason));
                continue;
            }

            var slsa = entry.GetMapping("slsa") is { } facts
                ? new SlsaProvenance(facts.GetString("builderId"), facts.GetString("buildType"), facts.GetString("sourceRepository"), facts.GetString("sourceRef"))
                : null;
            var identity = entry.GetString("identity");
            Add(verified, digest, new VerifiedEvidence(source, identity is null ? Array.Empty<string>() : new[] { identity }, entry.GetString("issuer"), entry.GetString("key"), slsa));
        }

        var evidence = verified.Keys.Concat(failures.Keys).Distinct().ToDictionary(
            d => d,
            d => new ImageEvidence(verified.TryGetValue(d, out var v) ? v : new List<VerifiedEvidence>(), failures.TryGetValue(d, out var f) ? f : new List<EvidenceFailure>()),
            StringComparer.Ordinal);
        return new RecordedEvidence(evidence);
    }

    private static void Add<T>(Dictionary<string, List<T>> map, string digest, T value)
    {
        if (!map.TryGetValue(digest, out var list))
        {
            map[digest] = list = new List<T>();
        }

        list.Add(value);
    }
}
