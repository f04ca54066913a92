using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests.Infrastructure;

/// <summary>
/// A complete throw-away Sigstore instance for tests: Fulcio-like CA, CT log, Rekor v1 (ECDSA) and v2 (Ed25519)
/// logs and a timestamp authority, with the matching trusted_root.json, producing bundles of every supported version
/// and content type.
/// </summary>
internal sealed class TestSigstore : IDisposable
{
    private static readonly DateTimeOffset Epoch = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public TestSigstore()
    {
        CtLog = new TestCtLog();
        Authority = new TestCertificateAuthority("fulcio", Epoch, Epoch.AddYears(20), CtLog);
        RekorV1 = new TestMerkleLog("rekor.policykit.test - 1", rekorV2: false);
        RekorV2 = new TestMerkleLog("log2026.rekor.policykit.test", rekorV2: true);
        Tsa = new TestTimestampAuthority("timestamp", Epoch, Epoch.AddYears(20));
    }

    public TestCtLog CtLog { get; }

    public TestCertificateAuthority Authority { get; }

    public TestMerkleLog RekorV1 { get; }

    public TestMerkleLog RekorV2 { get; }

    public TestTimestampAuthority Tsa { get; }

    public string TrustedRootJson(Action<JsonObject>? edit = null)
    {
        var root = new JsonObject
        {
            ["mediaType"] = "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
            ["tlogs"] = new JsonArray(Log(RekorV1, "https://rekor.policykit.test"), Log(RekorV2, "https://log2026.rekor.policykit.test")),
            ["certificateAuthorities"] = new JsonArray(AuthorityJson("https://fulcio.policykit.test", Authority.Intermediate, Authority.Root)),
            ["ctlogs"] = new JsonArray(new JsonObject
            {
                ["baseUrl"] = "https://ctfe.policykit.test",
                ["hashAlgorithm"] = "SHA2_256",
                ["publicKey"] = new JsonObject
                {
                    ["rawBytes"] = Convert.ToBase64String(CtLog.PublicKeyDer),
                    ["keyDetails"] = "PKIX_ECDSA_P256_SHA_256",
                    ["validFor"] = new JsonObject { ["start"] = Time(Epoch) },
                },
                ["logId"] = new JsonObject { ["keyId"] = Convert.ToBase64String(CtLog.LogId) },
            }),
            ["timestampAuthorities"] = new JsonArray(AuthorityJson("https://timestamp.policykit.test", Tsa.Leaf, Tsa.Root)),
        };
        edit?.Invoke(root);
        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public TrustedRoot TrustedRoot(Action<JsonObject>? edit = null) => TrustedRootParser.Parse(Encoding.UTF8.GetBytes(TrustedRootJson(edit)));

    /// <summary>Signs <paramref name="artifact"/> (file content, or for DSSE the image digest its statement names).</summary>
    public TestBundle Sign(TestBundleSpec spec, Artifact? artifact = null)
    {
        artifact ??= Artifact.FromContent(Encoding.UTF8.GetBytes($"artifact {Guid.NewGuid()}\n"));
        var signingTime = spec.SigningTime ?? DateTimeOffset.UtcNow.AddDays(-1);
        signingTime = DateTimeOffset.FromUnixTimeSeconds(signingTime.ToUnixTimeSeconds());
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        X509Certificate2? leaf = spec.KeyBased ? null : Authority.IssueLeaf(key, spec.Identity, spec.OidcIssuer, signingTime, spec.Leaf);
        var keyDer = key.ExportSubjectPublicKeyInfo();
        var verifierDer = leaf?.RawData ?? keyDer;
        var verifierPem = leaf is not null ? PemEncoding.WriteString("CERTIFICATE", leaf.RawData) : PemEncoding.WriteString("PUBLIC KEY", keyDer);

        JsonObject content;
        byte[] signature;
        byte[] body;
        var log = spec.RekorV2 ? RekorV2 : RekorV1;
        var bodyVersion = spec.RekorV2 ? "0.0.2" : spec.LogKind == "intoto" ? "0.0.2" : "0.0.1";
        if (spec.Dsse)
        {
            var statement = Statement(spec, artifact);
            const string PayloadType = "application/vnd.in-toto+json";
            var pae = Encoding.UTF8.GetBytes($"DSSEv1 {PayloadType.Length} {PayloadType} {statement.Length} ").Concat(statement).ToArray();
            signature = key.SignData(pae, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            content = new JsonObject
            {
                ["dsseEnvelope"] = new JsonObject
                {
                    ["payload"] = Convert.ToBase64String(statement),
                    ["payloadType"] = PayloadType,
                    ["signatures"] = new JsonArray(new JsonObject { ["sig"] = Convert.ToBase64String(signature), ["keyid"] = string.Empty }),
                },
            };
            body = DsseBody(spec, bodyVersion, statement, SHA256.HashData(pae), signature, verifierDer, verifierPem);
        }
        else
        {
            signature = artifact.Content is not null
                ? key.SignData(artifact.Content, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence)
                : key.SignHash(artifact.Sha256, DSASignatureFormat.Rfc3279DerSequence);
            content = new JsonObject
            {
                ["messageSignature"] = new JsonObject
                {
                    ["messageDigest"] = new JsonObject { ["algorithm"] = "SHA2_256", ["digest"] = Convert.ToBase64String(artifact.Sha256) },
                    ["signature"] = Convert.ToBase64String(signature),
                },
            };
            body = spec.RekorV2
                ? Json(new JsonObject
                {
                    ["apiVersion"] = "0.0.2",
                    ["kind"] = "hashedrekord",
                    ["spec"] = new JsonObject
                    {
                        ["hashedRekordV002"] = new JsonObject
                        {
                            ["data"] = new JsonObject { ["algorithm"] = "SHA2_256", ["digest"] = Convert.ToBase64String(artifact.Sha256) },
                            ["signature"] = new JsonObject { ["content"] = Convert.ToBase64String(signature), ["verifier"] = VerifierV002(leaf is not null, verifierDer) },
                        },
                    },
                })
                : Json(new JsonObject
                {
                    ["apiVersion"] = "0.0.1",
                    ["kind"] = "hashedrekord",
                    ["spec"] = new JsonObject
                    {
                        ["data"] = new JsonObject { ["hash"] = new JsonObject { ["algorithm"] = "sha256", ["value"] = Convert.ToHexStringLower(artifact.Sha256) } },
                        ["signature"] = new JsonObject
                        {
                            ["content"] = Convert.ToBase64String(signature),
                            ["publicKey"] = new JsonObject { ["content"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(verifierPem)) },
                        },
                    },
                });
        }

        var index = log.Append(body);
        var size = log.Size;
        var integratedTime = signingTime.AddSeconds(30).ToUnixTimeSeconds();
        var entry = new JsonObject
        {
            ["logIndex"] = index.ToString(CultureInfo.InvariantCulture),
            ["logId"] = new JsonObject { ["keyId"] = Convert.ToBase64String(log.LogId) },
            ["kindVersion"] = new JsonObject { ["kind"] = spec.RekorV2 && spec.Dsse ? "dsse" : spec.Dsse ? spec.LogKind : "hashedrekord", ["version"] = bodyVersion },
            ["integratedTime"] = spec.RekorV2 ? "0" : integratedTime.ToString(CultureInfo.InvariantCulture),
            ["inclusionProof"] = new JsonObject
            {
                ["logIndex"] = index.ToString(CultureInfo.InvariantCulture),
                ["rootHash"] = Convert.ToBase64String(log.Root(size)),
                ["treeSize"] = size.ToString(CultureInfo.InvariantCulture),
                ["hashes"] = new JsonArray(log.Proof((int)index, size).Select(h => (JsonNode)Convert.ToBase64String(h)).ToArray()),
                ["checkpoint"] = new JsonObject { ["envelope"] = log.Checkpoint(size) },
            },
            ["canonicalizedBody"] = Convert.ToBase64String(body),
        };
        if (spec.Promise && !spec.RekorV2)
        {
            entry["inclusionPromise"] = new JsonObject { ["signedEntryTimestamp"] = Convert.ToBase64String(log.SignedEntryTimestamp(body, integratedTime, index)) };
        }

        var material = new JsonObject();
        if (leaf is null)
        {
            material["publicKey"] = new JsonObject { ["hint"] = Convert.ToBase64String(SHA256.HashData(keyDer)) };
        }
        else if (spec.MediaType == TestBundleSpec.V01)
        {
            material["x509CertificateChain"] = new JsonObject
            {
                ["certificates"] = new JsonArray(new JsonObject { ["rawBytes"] = Convert.ToBase64String(leaf.RawData) }, new JsonObject { ["rawBytes"] = Convert.ToBase64String(Authority.Intermediate.RawData) }),
            };
        }
        else if (spec.MediaType == TestBundleSpec.V02)
        {
            material["x509CertificateChain"] = new JsonObject { ["certificates"] = new JsonArray(new JsonObject { ["rawBytes"] = Convert.ToBase64String(leaf.RawData) }) };
        }
        else
        {
            material["certificate"] = new JsonObject { ["rawBytes"] = Convert.ToBase64String(leaf.RawData) };
        }

        material["tlogEntries"] = new JsonArray(entry);
        if (spec.Timestamp || spec.RekorV2)
        {
            material["timestampVerificationData"] = new JsonObject
            {
                ["rfc3161Timestamps"] = new JsonArray(new JsonObject { ["signedTimestamp"] = Convert.ToBase64String(Tsa.Stamp(signature, signingTime.AddSeconds(20))) }),
            };
        }

        var bundle = new JsonObject { ["mediaType"] = spec.MediaType, ["verificationMaterial"] = material };
        foreach (var (name, value) in content.ToList())
        {
            content.Remove(name);
            bundle[name] = value;
        }

        leaf?.Dispose();
        return new TestBundle(bundle, artifact, keyDer);
    }

    public void Dispose()
    {
        Authority.Dispose();
        CtLog.Dispose();
        Tsa.Dispose();
    }

    private static byte[] Statement(TestBundleSpec spec, Artifact artifact)
    {
        var predicate = spec.Predicate ?? """
            {"buildDefinition":{"buildType":"https://actions.github.io/buildtypes/workflow/v1","externalParameters":{"workflow":{"ref":"refs/heads/main","repository":"https://github.com/example/odoo-images","path":".github/workflows/release.yml"}}},"runDetails":{"builder":{"id":"https://github.com/actions/runner/github-hosted"}}}
            """;
        var subject = new JsonObject
        {
            ["name"] = spec.SubjectName,
            ["digest"] = new JsonObject { ["sha256"] = Convert.ToHexStringLower(artifact.Sha256) },
        }.ToJsonString();
        return Encoding.UTF8.GetBytes(
            "{\"_type\":\"https://in-toto.io/Statement/v1\",\"subject\":[" + subject + "],\"predicateType\":\"https://slsa.dev/provenance/v1\",\"predicate\":" + predicate.Trim() + "}");
    }

    private static byte[] DsseBody(TestBundleSpec spec, string version, byte[] payload, byte[] paeDigest, byte[] signature, byte[] verifierDer, string verifierPem)
    {
        var pem = Convert.ToBase64String(Encoding.ASCII.GetBytes(verifierPem));
        if (spec.RekorV2)
        {
            return Json(new JsonObject
            {
                ["apiVersion"] = "0.0.2",
                ["kind"] = "dsse",
                ["spec"] = new JsonObject
                {
                    ["dsseV002"] = new JsonObject
                    {
                        ["payloadHash"] = new JsonObject { ["algorithm"] = "SHA2_256", ["digest"] = Convert.ToBase64String(SHA256.HashData(payload)) },
                        ["signatures"] = new JsonArray(new JsonObject { ["content"] = Convert.ToBase64String(signature), ["verifier"] = VerifierV002(!spec.KeyBased, verifierDer) }),
                    },
                },
            });
        }

        if (spec.LogKind == "intoto")
        {
            return Json(new JsonObject
            {
                ["apiVersion"] = version,
                ["kind"] = "intoto",
                ["spec"] = new JsonObject
                {
                    ["content"] = new JsonObject
                    {
                        ["envelope"] = new JsonObject
                        {
                            ["payloadType"] = "application/vnd.in-toto+json",
                            ["signatures"] = new JsonArray(new JsonObject
                            {
                                ["sig"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(Convert.ToBase64String(signature))),
                                ["publicKey"] = pem,
                            }),
                        },
                        ["hash"] = new JsonObject { ["algorithm"] = "sha256", ["value"] = Convert.ToHexStringLower(paeDigest) },
                        ["payloadHash"] = new JsonObject { ["algorithm"] = "sha256", ["value"] = Convert.ToHexStringLower(SHA256.HashData(payload)) },
                    },
                },
            });
        }

        return Json(new JsonObject
        {
            ["apiVersion"] = version,
            ["kind"] = "dsse",
            ["spec"] = new JsonObject
            {
                ["envelopeHash"] = new JsonObject { ["algorithm"] = "sha256", ["value"] = Convert.ToHexStringLower(paeDigest) },
                ["payloadHash"] = new JsonObject { ["algorithm"] = "sha256", ["value"] = Convert.ToHexStringLower(SHA256.HashData(payload)) },
                ["signatures"] = new JsonArray(new JsonObject { ["signature"] = Convert.ToBase64String(signature), ["verifier"] = pem }),
            },
        });
    }

    private static JsonObject VerifierV002(bool certificate, byte[] der) => certificate
        ? new JsonObject { ["keyDetails"] = "PKIX_ECDSA_P256_SHA_256", ["x509Certificate"] = new JsonObject { ["rawBytes"] = Convert.ToBase64String(der) } }
        : new JsonObject { ["keyDetails"] = "PKIX_ECDSA_P256_SHA_256", ["publicKey"] = new JsonObject { ["rawBytes"] = Convert.ToBase64String(der) } };

    private static byte[] Json(JsonObject value) => Encoding.UTF8.GetBytes(value.ToJsonString());

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonObject Log(TestMerkleLog log, string url) => new()
    {
        ["baseUrl"] = url,
        ["hashAlgorithm"] = "SHA2_256",
        ["publicKey"] = new JsonObject
        {
            ["rawBytes"] = Convert.ToBase64String(log.PublicKeyDer),
            ["keyDetails"] = log.KeyDetails,
            ["validFor"] = new JsonObject { ["start"] = Time(Epoch) },
        },
        ["logId"] = new JsonObject { ["keyId"] = Convert.ToBase64String(log.LogId) },
    };

    private static JsonObject AuthorityJson(string uri, params X509Certificate2[] chain) => new()
    {
        ["subject"] = new JsonObject { ["organization"] = "policykit.test", ["commonName"] = uri },
        ["uri"] = uri,
        ["certChain"] = new JsonObject { ["certificates"] = new JsonArray(chain.Select(c => (JsonNode)new JsonObject { ["rawBytes"] = Convert.ToBase64String(c.RawData) }).ToArray()) },
        ["validFor"] = new JsonObject { ["start"] = Time(Epoch) },
    };
}
