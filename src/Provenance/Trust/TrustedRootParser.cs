using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Certificates;
using PolicyKit.Provenance.Crypto;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Trust;

/// <summary>Reads a <c>trusted_root.json</c>; an entry without a validity start is rejected rather than trusted forever.</summary>
public static class TrustedRootParser
{
    /// <summary>The public-good Sigstore instance's root, shipped inside the assembly (see docs/provenance.md for its origin).</summary>
    public static TrustedRoot PublicGood => PublicGoodRoot.Value;

    /// <summary>The Sigstore staging instance's root (for <c>--staging</c>).</summary>
    public static TrustedRoot Staging => StagingRoot.Value;

    private static readonly Lazy<TrustedRoot> PublicGoodRoot = new(() => LoadEmbedded("TrustedRoots/public-good.json"));

    private static readonly Lazy<TrustedRoot> StagingRoot = new(() => LoadEmbedded("TrustedRoots/staging.json"));

    public static TrustedRoot Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException exception)
        {
            throw new BundleVerificationException($"trusted root is not valid JSON ({exception.Message})");
        }

        using (document)
        {
            var root = document.RootElement;
            var mediaType = JsonFields.OptionalString(root, "mediaType", "trustedRoot");
            if (mediaType is not null && !mediaType.StartsWith("application/vnd.dev.sigstore.trustedroot", StringComparison.Ordinal))
            {
                throw new BundleVerificationException($"trustedRoot.mediaType '{mediaType}' is not a Sigstore trusted root");
            }

            return new TrustedRoot(
                ReadLogs(root, "tlogs"),
                ReadLogs(root, "ctlogs"),
                ReadAuthorities(root, "certificateAuthorities"),
                ReadAuthorities(root, "timestampAuthorities"));
        }
    }

    private static TrustedRoot LoadEmbedded(string name)
    {
        using var stream = typeof(TrustedRootParser).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded trusted root {name} is missing from the build");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.ToArray());
    }

    private static List<TrustedLog> ReadLogs(JsonElement root, string name)
    {
        var logs = new List<TrustedLog>();
        if (JsonFields.Optional(root, name) is not { ValueKind: JsonValueKind.Array } entries)
        {
            return logs;
        }

        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var path = $"trustedRoot.{name}[{index++}]";
            var publicKey = JsonFields.RequiredObject(entry, "publicKey", path);
            var der = JsonFields.RequiredBase64(publicKey, "rawBytes", $"{path}.publicKey");
            var details = JsonFields.OptionalString(publicKey, "keyDetails", $"{path}.publicKey") ?? string.Empty;
            var key = details.StartsWith("PKCS1_RSA", StringComparison.Ordinal)
                ? VerificationKey.FromPkcs1Rsa(der, $"{path}.publicKey")
                : VerificationKey.FromSubjectPublicKeyInfo(der, $"{path}.publicKey");
            var keyId = JsonFields.Optional(entry, "logId") is { } logId
                ? JsonFields.RequiredBase64(logId, "keyId", $"{path}.logId")
                : SHA256.HashData(der);
            logs.Add(new TrustedLog(
                JsonFields.OptionalString(entry, "baseUrl", path) ?? string.Empty,
                keyId,
                key,
                ReadValidity(publicKey, $"{path}.publicKey")));
        }

        return logs;
    }

    private static List<TrustedAuthority> ReadAuthorities(JsonElement root, string name)
    {
        var authorities = new List<TrustedAuthority>();
        if (JsonFields.Optional(root, name) is not { ValueKind: JsonValueKind.Array } entries)
        {
            return authorities;
        }

        var index = 0;
        foreach (var entry in entries.EnumerateArray())
        {
            var path = $"trustedRoot.{name}[{index++}]";
            var certificates = new List<ParsedCertificate>();
            var certificateIndex = 0;
            foreach (var certificate in JsonFields.RequiredArray(JsonFields.RequiredObject(entry, "certChain", path), "certificates", $"{path}.certChain"))
            {
                var certificatePath = $"{path}.certChain.certificates[{certificateIndex++}]";
                var der = JsonFields.RequiredBase64(certificate, "rawBytes", certificatePath);
                certificates.Add(ParsedCertificate.Read(der, certificatePath));
            }

            if (certificates.Count == 0)
            {
                throw new BundleVerificationException($"{path}.certChain has no certificates");
            }

            var keys = certificates.ConvertAll(c => CertificateSignature.PublicKeyOf(c, $"{path}.certChain"));
            var uri = JsonFields.OptionalString(entry, "uri", path) ?? string.Empty;
            string? problem = null;
            for (var i = 0; i + 1 < certificates.Count && problem is null; i++)
            {
                if (!CertificateSignature.IsSignedBy(certificates[i], keys[i + 1]))
                {
                    problem = $"the trusted chain of {uri} does not verify (certificate {i} is not signed by certificate {i + 1})";
                }
            }

            authorities.Add(new TrustedAuthority(uri, certificates, keys, ReadValidity(entry, path), problem));
        }

        return authorities;
    }

    private static ValidityWindow ReadValidity(JsonElement holder, string path)
    {
        var validFor = JsonFields.Optional(holder, "validFor") ?? throw new BundleVerificationException($"{path}.validFor is missing");
        var start = JsonFields.OptionalTimestamp(validFor, "start", $"{path}.validFor")
            ?? throw new BundleVerificationException($"{path}.validFor.start is missing");
        return new ValidityWindow(start, JsonFields.OptionalTimestamp(validFor, "end", $"{path}.validFor"));
    }
}
