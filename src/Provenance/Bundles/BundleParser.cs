using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PolicyKit.Provenance.Certificates;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Bundles;

/// <summary>
/// Reads a bundle's JSON strictly: unknown media types, bad base64, negative indexes, a DSSE envelope with other than
/// one signature, an empty or root-bearing certificate chain, and version-specific omissions are rejected with a reason.
/// </summary>
public static class BundleParser
{
    private static readonly Dictionary<string, BundleVersion> MediaTypes = new(StringComparer.Ordinal)
    {
        ["application/vnd.dev.sigstore.bundle+json;version=0.1"] = BundleVersion.V01,
        ["application/vnd.dev.sigstore.bundle+json;version=0.2"] = BundleVersion.V02,
        ["application/vnd.dev.sigstore.bundle+json;version=0.3"] = BundleVersion.V03,
        ["application/vnd.dev.sigstore.bundle.v0.3+json"] = BundleVersion.V03,
    };

    public static SigstoreBundle Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException exception)
        {
            throw new BundleVerificationException($"bundle is not valid JSON ({exception.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new BundleVerificationException("bundle: expected a JSON object");
            }

            var mediaType = JsonFields.RequiredString(root, "mediaType", "bundle");
            if (!MediaTypes.TryGetValue(mediaType, out var version))
            {
                throw new BundleVerificationException($"bundle.mediaType '{mediaType}' is not a supported Sigstore bundle version (0.1, 0.2, 0.3)");
            }

            var materialJson = JsonFields.RequiredObject(root, "verificationMaterial", "bundle");
            var material = ReadMaterial(materialJson, version);
            var entries = ReadTlogEntries(materialJson, version);
            var timestamps = ReadTimestamps(materialJson);
            var content = ReadContent(root);
            return new SigstoreBundle(version, material, entries, timestamps, content);
        }
    }

    private static VerificationMaterial ReadMaterial(JsonElement material, BundleVersion version)
    {
        const string Path = "bundle.verificationMaterial";
        var present = new[] { "publicKey", "x509CertificateChain", "certificate" }.Where(n => JsonFields.Optional(material, n) is not null).ToList();
        if (present.Count != 1)
        {
            throw new BundleVerificationException($"{Path} must hold exactly one of publicKey, x509CertificateChain, certificate (found {present.Count})");
        }

        switch (present[0])
        {
            case "publicKey":
                var key = JsonFields.RequiredObject(material, "publicKey", Path);
                return new VerificationMaterial(null, JsonFields.OptionalString(key, "hint", $"{Path}.publicKey") ?? string.Empty);
            case "certificate":
                var certificate = JsonFields.RequiredObject(material, "certificate", Path);
                var leaf = JsonFields.RequiredBase64(certificate, "rawBytes", $"{Path}.certificate");
                RejectRootCertificate(leaf, $"{Path}.certificate");
                return new VerificationMaterial(leaf, null);
            default:
                if (version == BundleVersion.V03)
                {
                    throw new BundleVerificationException($"{Path}.x509CertificateChain is not allowed in a v0.3 bundle (use certificate)");
                }

                var chain = JsonFields.RequiredObject(material, "x509CertificateChain", Path);
                var certificates = JsonFields.Optional(chain, "certificates");
                if (certificates is null || certificates.Value.ValueKind != JsonValueKind.Array || certificates.Value.GetArrayLength() == 0)
                {
                    throw new BundleVerificationException($"{Path}.x509CertificateChain has no certificates");
                }

                var index = 0;
                byte[]? first = null;
                foreach (var entry in certificates.Value.EnumerateArray())
                {
                    var raw = JsonFields.RequiredBase64(entry, "rawBytes", $"{Path}.x509CertificateChain.certificates[{index}]");
                    RejectRootCertificate(raw, $"{Path}.x509CertificateChain.certificates[{index}]");
                    first ??= raw;
                    index++;
                }

                return new VerificationMaterial(first, null);
        }
    }

    /// <summary>A root in the bundle would let the bundle vouch for itself; trust anchors come only from the trusted root.</summary>
    private static void RejectRootCertificate(byte[] der, string path)
    {
        var certificate = ParsedCertificate.Read(der, path);
        if (certificate.Subject.Span.SequenceEqual(certificate.Issuer.Span) && certificate.IsCertificateAuthority)
        {
            throw new BundleVerificationException($"{path} is a self-signed root certificate; bundles must not carry their trust anchor");
        }
    }

    private static List<TransparencyLogEntry> ReadTlogEntries(JsonElement material, BundleVersion version)
    {
        var result = new List<TransparencyLogEntry>();
        if (JsonFields.Optional(material, "tlogEntries") is not { ValueKind: JsonValueKind.Array } entries)
        {
            return result;
        }

        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var path = $"bundle.verificationMaterial.tlogEntries[{index++}]";
            var kindVersion = JsonFields.RequiredObject(entry, "kindVersion", path);
            var promise = JsonFields.Optional(entry, "inclusionPromise");
            var proofJson = JsonFields.Optional(entry, "inclusionProof");
            if (version == BundleVersion.V01 && promise is null)
            {
                throw new BundleVerificationException($"{path}: a v0.1 bundle entry must have an inclusion promise");
            }

            if (version != BundleVersion.V01 && proofJson is null)
            {
                throw new BundleVerificationException($"{path}: a v0.2+ bundle entry must have an inclusion proof");
            }

            result.Add(new TransparencyLogEntry(
                JsonFields.RequiredNonNegativeInt64(entry, "logIndex", path),
                JsonFields.RequiredBase64(JsonFields.RequiredObject(entry, "logId", path), "keyId", $"{path}.logId"),
                JsonFields.RequiredString(kindVersion, "kind", $"{path}.kindVersion"),
                JsonFields.RequiredString(kindVersion, "version", $"{path}.kindVersion"),
                JsonFields.OptionalNonNegativeInt64(entry, "integratedTime", path),
                promise is null ? null : JsonFields.RequiredBase64(promise.Value, "signedEntryTimestamp", $"{path}.inclusionPromise"),
                proofJson is null ? null : ReadProof(proofJson.Value, $"{path}.inclusionProof", version),
                JsonFields.RequiredBase64(entry, "canonicalizedBody", path)));
        }

        return result;
    }

    private static InclusionProof ReadProof(JsonElement proof, string path, BundleVersion version)
    {
        var hashes = new List<byte[]>();
        if (JsonFields.Optional(proof, "hashes") is { ValueKind: JsonValueKind.Array } list)
        {
            var index = 0;
            foreach (var hash in list.EnumerateArray())
            {
                hashes.Add(JsonFields.Base64(hash.ValueKind == JsonValueKind.String ? hash.GetString()! : string.Empty, $"{path}.hashes[{index++}]"));
            }
        }

        var checkpoint = JsonFields.Optional(proof, "checkpoint") is { } checkpointJson
            ? JsonFields.RequiredString(checkpointJson, "envelope", $"{path}.checkpoint")
            : null;
        if (checkpoint is null && version != BundleVersion.V01)
        {
            throw new BundleVerificationException($"{path}.checkpoint is missing");
        }

        return new InclusionProof(
            JsonFields.RequiredNonNegativeInt64(proof, "logIndex", path),
            JsonFields.RequiredBase64(proof, "rootHash", path),
            JsonFields.RequiredNonNegativeInt64(proof, "treeSize", path),
            hashes,
            checkpoint);
    }

    private static List<byte[]> ReadTimestamps(JsonElement material)
    {
        var result = new List<byte[]>();
        if (JsonFields.Optional(material, "timestampVerificationData") is { } data
            && JsonFields.Optional(data, "rfc3161Timestamps") is { ValueKind: JsonValueKind.Array } timestamps)
        {
            var index = 0;
            foreach (var timestamp in timestamps.EnumerateArray())
            {
                result.Add(JsonFields.RequiredBase64(timestamp, "signedTimestamp", $"bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps[{index++}]"));
            }
        }

        return result;
    }

    private static BundleContent ReadContent(JsonElement root)
    {
        var message = JsonFields.Optional(root, "messageSignature");
        var envelope = JsonFields.Optional(root, "dsseEnvelope");
        if ((message is null) == (envelope is null))
        {
            throw new BundleVerificationException("bundle must hold exactly one of messageSignature and dsseEnvelope");
        }

        if (message is { } signature)
        {
            const string Path = "bundle.messageSignature";
            string algorithm = "SHA2_256";
            byte[]? digest = null;
            if (JsonFields.Optional(signature, "messageDigest") is { } messageDigest)
            {
                algorithm = JsonFields.OptionalString(messageDigest, "algorithm", $"{Path}.messageDigest") ?? algorithm;
                digest = JsonFields.RequiredBase64(messageDigest, "digest", $"{Path}.messageDigest");
            }

            return new MessageSignatureContent(algorithm, digest, JsonFields.RequiredBase64(signature, "signature", Path));
        }

        var dsse = envelope!.Value;
        const string DssePath = "bundle.dsseEnvelope";
        var signatures = JsonFields.RequiredArray(dsse, "signatures", DssePath).ToList();
        if (signatures.Count != 1)
        {
            throw new BundleVerificationException($"{DssePath} must have exactly one signature (found {signatures.Count})");
        }

        return new DsseEnvelopeContent(
            JsonFields.RequiredString(dsse, "payloadType", DssePath),
            JsonFields.RequiredBase64(dsse, "payload", DssePath),
            JsonFields.RequiredBase64(signatures[0], "sig", $"{DssePath}.signatures[0]"),
            JsonFields.OptionalString(signatures[0], "keyid", $"{DssePath}.signatures[0]"));
    }
}
