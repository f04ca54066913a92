using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Transparency;

/// <summary>
/// Checks that a log entry's canonicalized body records this bundle: same kind and version as declared, same
/// verifier, same signature, same artifact digest or DSSE payload hash. Supports hashedrekord 0.0.1/0.0.2,
/// dsse 0.0.1/0.0.2 and intoto 0.0.2.
/// </summary>
internal static class EntryBody
{
    public static void RequireMatches(TransparencyLogEntry entry, SignedMaterial material)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(entry.CanonicalizedBody);
        }
        catch (JsonException)
        {
            throw new BundleVerificationException("tlog entry body is not JSON");
        }

        using (document)
        {
            var body = document.RootElement;
            var kind = JsonFields.RequiredString(body, "kind", "tlog entry body");
            var version = JsonFields.RequiredString(body, "apiVersion", "tlog entry body");
            if (kind != entry.Kind || version != entry.KindVersion)
            {
                throw new BundleVerificationException($"tlog entry body is {kind} {version} but the bundle declares {entry.Kind} {entry.KindVersion}");
            }

            var spec = JsonFields.RequiredObject(body, "spec", "tlog entry body");
            switch ((kind, version))
            {
                case ("hashedrekord", "0.0.1"):
                    HashedRekordV001(spec, material);
                    break;
                case ("hashedrekord", "0.0.2"):
                    HashedRekordV002(JsonFields.RequiredObject(spec, "hashedRekordV002", "spec"), material);
                    break;
                case ("dsse", "0.0.1"):
                    DsseV001(spec, material);
                    break;
                case ("dsse", "0.0.2"):
                    DsseV002(JsonFields.RequiredObject(spec, "dsseV002", "spec"), material);
                    break;
                case ("intoto", "0.0.2"):
                    IntotoV002(JsonFields.RequiredObject(spec, "content", "spec"), material);
                    break;
                default:
                    throw new BundleVerificationException($"tlog entry kind {kind} {version} is not supported");
            }
        }
    }

    private static void HashedRekordV001(JsonElement spec, SignedMaterial material)
    {
        RequireMessage(material);
        var hash = JsonFields.RequiredObject(JsonFields.RequiredObject(spec, "data", "spec"), "hash", "spec.data");
        RequireEqual(JsonFields.RequiredString(hash, "algorithm", "spec.data.hash"), "sha256", "artifact digest algorithm");
        RequireHex(JsonFields.RequiredString(hash, "value", "spec.data.hash"), material.ArtifactDigest!, "artifact digest");
        var signature = JsonFields.RequiredObject(spec, "signature", "spec");
        RequireBytes(JsonFields.RequiredBase64(signature, "content", "spec.signature"), material.Signature, "signature");
        RequireVerifier(PemDer(JsonFields.RequiredBase64(JsonFields.RequiredObject(signature, "publicKey", "spec.signature"), "content", "spec.signature.publicKey")), material);
    }

    private static void HashedRekordV002(JsonElement spec, SignedMaterial material)
    {
        var data = JsonFields.RequiredObject(spec, "data", "spec");
        RequireEqual(JsonFields.RequiredString(data, "algorithm", "spec.data"), "SHA2_256", "artifact digest algorithm");
        RequireBytes(JsonFields.RequiredBase64(data, "digest", "spec.data"), material.SignedDigest, material.DssePayload is null ? "artifact digest" : "DSSE pre-authentication encoding digest");
        var signature = JsonFields.RequiredObject(spec, "signature", "spec");
        RequireBytes(JsonFields.RequiredBase64(signature, "content", "spec.signature"), material.Signature, "signature");
        RequireVerifier(VerifierV002(JsonFields.RequiredObject(signature, "verifier", "spec.signature")), material);
    }

    private static void DsseV001(JsonElement spec, SignedMaterial material)
    {
        RequireDsse(material);
        var payloadHash = JsonFields.RequiredObject(spec, "payloadHash", "spec");
        RequireEqual(JsonFields.RequiredString(payloadHash, "algorithm", "spec.payloadHash"), "sha256", "payload hash algorithm");
        RequireHex(JsonFields.RequiredString(payloadHash, "value", "spec.payloadHash"), SHA256.HashData(material.DssePayload!), "DSSE payload hash");
        var signatures = RequireOne(JsonFields.Required(spec, "signatures", "spec"));
        RequireBytes(JsonFields.RequiredBase64(signatures, "signature", "spec.signatures[0]"), material.Signature, "DSSE signature");
        RequireVerifier(PemDer(JsonFields.RequiredBase64(signatures, "verifier", "spec.signatures[0]")), material);
    }

    private static void DsseV002(JsonElement spec, SignedMaterial material)
    {
        RequireDsse(material);
        var payloadHash = JsonFields.RequiredObject(spec, "payloadHash", "spec");
        RequireEqual(JsonFields.RequiredString(payloadHash, "algorithm", "spec.payloadHash"), "SHA2_256", "payload hash algorithm");
        RequireBytes(JsonFields.RequiredBase64(payloadHash, "digest", "spec.payloadHash"), SHA256.HashData(material.DssePayload!), "DSSE payload hash");
        var signatures = RequireOne(JsonFields.Required(spec, "signatures", "spec"));
        RequireBytes(JsonFields.RequiredBase64(signatures, "content", "spec.signatures[0]"), material.Signature, "DSSE signature");
        RequireVerifier(VerifierV002(JsonFields.RequiredObject(signatures, "verifier", "spec.signatures[0]")), material);
    }

    private static void IntotoV002(JsonElement content, SignedMaterial material)
    {
        RequireDsse(material);
        var payloadHash = JsonFields.RequiredObject(content, "payloadHash", "spec.content");
        RequireHex(JsonFields.RequiredString(payloadHash, "value", "spec.content.payloadHash"), SHA256.HashData(material.DssePayload!), "DSSE payload hash");
        var envelope = JsonFields.RequiredObject(content, "envelope", "spec.content");
        var signature = RequireOne(JsonFields.Required(envelope, "signatures", "spec.content.envelope"));

        // intoto 0.0.2 stores the signature base64-encoded twice; anything else cannot be this bundle's signature.
        var once = JsonFields.RequiredBase64(signature, "sig", "spec.content.envelope.signatures[0]");
        byte[] recorded;
        try
        {
            recorded = Convert.FromBase64String(Encoding.ASCII.GetString(once));
        }
        catch (FormatException)
        {
            recorded = once;
        }

        RequireBytes(recorded, material.Signature, "DSSE signature");
        RequireVerifier(PemDer(JsonFields.RequiredBase64(signature, "publicKey", "spec.content.envelope.signatures[0]")), material);
    }

    private static JsonElement RequireOne(JsonElement signatures)
    {
        if (signatures.ValueKind != JsonValueKind.Array || signatures.GetArrayLength() != 1)
        {
            throw new BundleVerificationException("tlog entry body must record exactly one signature");
        }

        return signatures[0];
    }

    private static byte[] VerifierV002(JsonElement verifier)
    {
        if (JsonFields.Optional(verifier, "x509Certificate") is { } certificate)
        {
            return JsonFields.RequiredBase64(certificate, "rawBytes", "verifier.x509Certificate");
        }

        return JsonFields.RequiredBase64(JsonFields.RequiredObject(verifier, "publicKey", "verifier"), "rawBytes", "verifier.publicKey");
    }

    private static byte[] PemDer(byte[] pemBytes)
    {
        var pem = Encoding.ASCII.GetString(pemBytes);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new BundleVerificationException("tlog entry body: verifier is not PEM");
        }

        return JsonFields.Base64(pem[fields.Base64Data], "tlog entry body verifier");
    }

    private static void RequireMessage(SignedMaterial material)
    {
        if (material.ArtifactDigest is null)
        {
            throw new BundleVerificationException("tlog entry records a message signature but the bundle holds a DSSE envelope");
        }
    }

    private static void RequireDsse(SignedMaterial material)
    {
        if (material.DssePayload is null)
        {
            throw new BundleVerificationException("tlog entry records a DSSE envelope but the bundle holds a message signature");
        }
    }

    private static void RequireVerifier(byte[] recorded, SignedMaterial material) =>
        RequireBytes(recorded, material.VerifierDer, "signing certificate or key");

    private static void RequireEqual(string recorded, string expected, string what)
    {
        if (!string.Equals(recorded, expected, StringComparison.Ordinal))
        {
            throw new BundleVerificationException($"tlog entry body: {what} is '{recorded}', expected '{expected}'");
        }
    }

    private static void RequireHex(string recorded, byte[] expected, string what)
    {
        if (!string.Equals(recorded, Convert.ToHexStringLower(expected), StringComparison.OrdinalIgnoreCase))
        {
            throw new BundleVerificationException($"tlog entry body: {what} does not match the bundle");
        }
    }

    private static void RequireBytes(byte[] recorded, byte[] expected, string what)
    {
        if (!recorded.AsSpan().SequenceEqual(expected))
        {
            throw new BundleVerificationException($"tlog entry body: {what} does not match the bundle");
        }
    }
}
