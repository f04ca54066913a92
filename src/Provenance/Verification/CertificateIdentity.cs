using System.Linq;
using System.Text.RegularExpressions;

namespace PolicyKit.Provenance.Verification;

/// <summary>
/// An allowed signer: a certificate subject alternative name (exact, or a full-match regular expression) issued by an
/// exact OIDC issuer.
/// </summary>
public sealed class CertificateIdentity
{
    private readonly string? exact;
    private readonly Regex? pattern;

    private CertificateIdentity(string? exact, Regex? pattern, string issuer)
    {
        this.exact = exact;
        this.pattern = pattern;
        Issuer = issuer;
    }

    public string Issuer { get; }

    public string Description => (exact ?? pattern!.ToString()) + " (issuer " + Issuer + ")";

    public static CertificateIdentity Exact(string identity, string issuer) => new(identity, null, issuer);

    public static CertificateIdentity Pattern(string pattern, string issuer) =>
        new(null, new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1)), issuer);

    /// <summary>Fails with the certificate's actual identity and issuer unless this identity signed the bundle.</summary>
    public void Require(VerifiedBundle bundle)
    {
        if (!Matches(bundle))
        {
            var certificate = bundle.Certificate;
            var actual = certificate is null ? "a key, not a certificate" : $"{string.Join(", ", certificate.Identities)} (issuer {certificate.OidcIssuer ?? "none"})";
            throw new BundleVerificationException($"signer identity {actual} is not the expected {Description}");
        }
    }

    public bool Matches(VerifiedBundle bundle) =>
        bundle.Certificate is { } certificate
        && certificate.OidcIssuer == Issuer
        && certificate.Identities.Any(identity => exact is not null ? identity == exact : pattern!.IsMatch(identity));
}
