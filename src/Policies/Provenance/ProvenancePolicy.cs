using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Configuration;

namespace PolicyKit.Policies.Provenance;

/// <summary>
/// <c>provenance</c> in <c>policykit.yaml</c> (policy-wide or per environment; an environment's replaces the
/// policy-wide one): which images need evidence, who may sign them, what SLSA provenance they need, which registries
/// they may come from, and whether failures block (<c>enforce</c>) or only warn.
/// </summary>
public sealed class ProvenancePolicy
{
    public ProvenancePolicy(
        bool enforce,
        IReadOnlyList<PathGlob> images,
        IReadOnlyList<string> registries,
        IReadOnlyList<SignerRequirement> identities,
        IReadOnlyList<string> keyNames,
        SlsaRequirement? slsa)
    {
        Enforce = enforce;
        Images = images;
        Registries = registries;
        Identities = identities;
        KeyNames = keyNames;
        Slsa = slsa;
    }

    /// <summary>False for <c>enforcement: warn</c>: findings are reported but never block.</summary>
    public bool Enforce { get; }

    /// <summary>Image names (registry/repository, no tag or digest) that need evidence; empty means every image.</summary>
    public IReadOnlyList<PathGlob> Images { get; }

    /// <summary>Registries (host, or host/path prefix) images may come from; empty means any.</summary>
    public IReadOnlyList<string> Registries { get; }

    /// <summary>Allowed keyless signers; with no identities and no keys any verified signer is accepted.</summary>
    public IReadOnlyList<SignerRequirement> Identities { get; }

    /// <summary>Names of the policy keys (<c>provenance.keys</c>) whose signatures are accepted.</summary>
    public IReadOnlyList<string> KeyNames { get; }

    /// <summary>Required SLSA provenance; null when the policy does not require any.</summary>
    public SlsaRequirement? Slsa { get; }

    public bool Requires(string imageName) => Images.Count == 0 || Images.Any(glob => glob.IsMatch(imageName));

    public bool AllowsRegistry(string imageName) =>
        Registries.Count == 0 || Registries.Any(r => imageName == r || imageName.StartsWith(r.TrimEnd('/') + "/", StringComparison.Ordinal));

    public bool AllowsSigner(VerifiedEvidence evidence)
    {
        if (evidence.KeyName is not null)
        {
            return KeyNames.Contains(evidence.KeyName, StringComparer.Ordinal) || (Identities.Count == 0 && KeyNames.Count == 0);
        }

        return (Identities.Count == 0 && KeyNames.Count == 0) || Identities.Any(requirement => requirement.Matches(evidence));
    }

    public string DescribeSigners() =>
        string.Join("; ", Identities.Select(i => i.Description).Concat(KeyNames.Select(k => "key " + k)));
}

/// <summary>An allowed keyless signer: a certificate identity (exact or full-match pattern) from one OIDC issuer.</summary>
public sealed class SignerRequirement
{
    private readonly string? exact;
    private readonly Regex? pattern;

    public SignerRequirement(string? exact, string? pattern, string issuer)
    {
        this.exact = exact;
        this.pattern = pattern is null ? null : new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        Issuer = issuer;
        Description = (exact ?? pattern) + " (issuer " + issuer + ")";
    }

    public string Issuer { get; }

    public string Description { get; }

    public bool Matches(VerifiedEvidence evidence) =>
        evidence.OidcIssuer == Issuer && evidence.Identities.Any(identity => exact is not null ? identity == exact : pattern!.IsMatch(identity));
}

/// <summary>Required SLSA v1 provenance facts; each list holds the accepted values, empty meaning any.</summary>
public sealed class SlsaRequirement
{
    public SlsaRequirement(IReadOnlyList<string> builderIds, IReadOnlyList<string> buildTypes, IReadOnlyList<string> sourceRepositories, IReadOnlyList<string> sourceRefs)
    {
        BuilderIds = builderIds;
        BuildTypes = buildTypes;
        SourceRepositories = sourceRepositories;
        SourceRefs = sourceRefs;
    }

    public IReadOnlyList<string> BuilderIds { get; }

    public IReadOnlyList<string> BuildTypes { get; }

    public IReadOnlyList<string> SourceRepositories { get; }

    public IReadOnlyList<string> SourceRefs { get; }

    /// <summary>The first requirement <paramref name="provenance"/> breaks, as "builder id X (expected Y)"; null when it meets all.</summary>
    public string? Mismatch(SlsaProvenance provenance) =>
        Check("builder id", provenance.BuilderId, BuilderIds)
        ?? Check("build type", provenance.BuildType, BuildTypes)
        ?? Check("source repository", provenance.SourceRepository, SourceRepositories)
        ?? Check("source ref", provenance.SourceRef, SourceRefs);

    private static string? Check(string what, string? actual, IReadOnlyList<string> allowed) =>
        allowed.Count == 0 || (actual is not null && allowed.Contains(actual, StringComparer.Ordinal))
            ? null
            : $"{what} {actual ?? "(none)"} (expected {string.Join(" or ", allowed)})";
}
