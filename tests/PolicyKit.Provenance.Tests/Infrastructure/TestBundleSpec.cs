using System;

namespace PolicyKit.Provenance.Tests.Infrastructure;

/// <summary>How <see cref="TestSigstore"/> should produce a bundle: version, content, log kind, timestamps, signer.</summary>
internal sealed record TestBundleSpec
{
    public const string V01 = "application/vnd.dev.sigstore.bundle+json;version=0.1";
    public const string V02 = "application/vnd.dev.sigstore.bundle+json;version=0.2";
    public const string V03 = "application/vnd.dev.sigstore.bundle+json;version=0.3";
    public const string V03New = "application/vnd.dev.sigstore.bundle.v0.3+json";

    public string MediaType { get; init; } = V03New;

    /// <summary>A DSSE envelope with an in-toto statement (instead of a message signature).</summary>
    public bool Dsse { get; init; }

    /// <summary>hashedrekord, dsse or intoto (Rekor v1); Rekor v2 logs hashedrekord or dsse at 0.0.2.</summary>
    public string LogKind { get; init; } = "hashedrekord";

    public bool RekorV2 { get; init; }

    /// <summary>Add an RFC 3161 timestamp over the signature (mandatory for Rekor v2).</summary>
    public bool Timestamp { get; init; }

    /// <summary>Add a Rekor v1 signed entry timestamp (inclusion promise).</summary>
    public bool Promise { get; init; } = true;

    /// <summary>Sign with a bare key (key-based bundle) instead of a Fulcio-like certificate.</summary>
    public bool KeyBased { get; init; }

    public string Identity { get; init; } = "https://github.com/example/odoo-images/.github/workflows/release.yml@refs/heads/main";

    public string OidcIssuer { get; init; } = "https://token.actions.githubusercontent.com";

    public LeafOptions Leaf { get; init; } = new();

    /// <summary>When the artifact was signed; the default is a day before the test runs.</summary>
    public DateTimeOffset? SigningTime { get; init; }

    /// <summary>The in-toto subject name for DSSE bundles.</summary>
    public string SubjectName { get; init; } = "registry.example.com/odoo";

    /// <summary>The SLSA v1 predicate for DSSE bundles; null uses a GitHub Actions build of the example repository.</summary>
    public string? Predicate { get; init; }
}
