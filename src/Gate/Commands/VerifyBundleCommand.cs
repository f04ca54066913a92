using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Gate.Commands;

/// <summary>
/// <c>policykit verify-bundle</c>: verifies one Sigstore bundle against one artifact, offline, with the command line of
/// the sigstore-conformance suite's client protocol, so that suite can drive the gate unchanged. Exit 0 when verified;
/// 1 with a one-line reason when not; 2 on a usage error.
/// </summary>
internal static class VerifyBundleCommand
{
    private static readonly Option<bool> Staging = new("--staging")
    {
        Description = "Use the Sigstore staging instance's trusted root instead of the public-good one.",
    };

    private static readonly Option<string> Bundle = new("--bundle")
    {
        Description = "The Sigstore bundle (.sigstore.json) to verify.",
        Required = true,
    };

    private static readonly Option<string?> Identity = new("--certificate-identity")
    {
        Description = "The signer identity the certificate's subject alternative name must equal.",
    };

    private static readonly Option<string?> Issuer = new("--certificate-oidc-issuer")
    {
        Description = "The OIDC issuer the certificate must name.",
    };

    private static readonly Option<string?> Key = new("--key")
    {
        Description = "PEM public key of a key-based bundle (instead of an identity).",
    };

    private static readonly Option<string?> TrustedRoot = new("--trusted-root")
    {
        Description = "trusted_root.json to verify against; default: the public-good root shipped with PolicyKit.",
    };

    private static readonly Argument<string> Artifact = new("FILE_OR_DIGEST")
    {
        Description = "The artifact file, or its digest as sha256:HEX (for DSSE bundles, a subject of the in-toto statement).",
    };

    public static Command Create()
    {
        var command = new Command("verify-bundle", "Verify a Sigstore bundle offline against an artifact (sigstore-conformance CLI protocol). Exit 0: verified; 1: not verified (one-line reason); 2: usage error.")
        {
            Staging, Bundle, Identity, Issuer, Key, TrustedRoot, Artifact,
        };
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var identity = parse.GetValue(Identity);
        var issuer = parse.GetValue(Issuer);
        var keyPath = parse.GetValue(Key);
        if (keyPath is null == (identity is null || issuer is null) || (keyPath is not null && (identity is not null || issuer is not null)))
        {
            throw new UsageException("verify-bundle needs either --certificate-identity and --certificate-oidc-issuer, or --key");
        }

        var bundlePath = parse.GetValue(Bundle)!;
        var artifactText = parse.GetValue(Artifact)!;
        var rootPath = parse.GetValue(TrustedRoot);
        try
        {
            var root = rootPath is not null
                ? TrustedRootParser.Parse(ReadFile(rootPath, "trusted root"))
                : parse.GetValue(Staging) ? TrustedRootParser.Staging : TrustedRootParser.PublicGood;
            var bundle = BundleParser.Parse(ReadFile(bundlePath, "bundle"));

            // The protocol: a well-formed sha256:HEX that is not a file on disk is a digest; anything else is a path.
            var artifact = !File.Exists(artifactText) && PolicyKit.Provenance.Verification.Artifact.FromDigest(artifactText) is { } digest
                ? digest
                : PolicyKit.Provenance.Verification.Artifact.FromContent(ReadFile(artifactText, "artifact"));
            var verifier = new BundleVerifier(root);
            if (keyPath is not null)
            {
                verifier.Verify(bundle, artifact, VerificationKey.FromPem(System.Text.Encoding.ASCII.GetString(ReadFile(keyPath, "key")), keyPath));
                Console.Out.WriteLine($"verified: {artifact.DigestText} signed with the key in {keyPath}");
            }
            else
            {
                var verified = verifier.Verify(bundle, artifact);
                CertificateIdentity.Exact(identity!, issuer!).Require(verified);
                Console.Out.WriteLine($"verified: {artifact.DigestText} signed by {verified.Certificate!.Identities.First()} (issuer {verified.Certificate.OidcIssuer}) at {verified.SigningTimes.Min():O}");
            }

            return ExitCodes.Passed;
        }
        catch (BundleVerificationException failure)
        {
            Console.Error.WriteLine($"policykit: verify-bundle: {failure.Message}");
            return ExitCodes.Blocked;
        }
    }

    private static byte[] ReadFile(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new BundleVerificationException($"cannot read {what} '{path}': {exception.Message}");
        }
    }
}
