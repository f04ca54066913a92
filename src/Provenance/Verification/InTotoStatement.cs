using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PolicyKit.Provenance.Verification;

/// <summary>An in-toto statement (v0.1 or v1): its subjects' SHA-256 digests and its predicate.</summary>
public sealed class InTotoStatement
{
    public const string PayloadType = "application/vnd.in-toto+json";

    private InTotoStatement(IReadOnlyList<string> subjectSha256, string predicateType, string predicateJson)
    {
        SubjectSha256 = subjectSha256;
        PredicateType = predicateType;
        PredicateJson = predicateJson;
    }

    /// <summary>Lower-case hex SHA-256 digests of the statement's subjects.</summary>
    public IReadOnlyList<string> SubjectSha256 { get; }

    public string PredicateType { get; }

    /// <summary>The predicate as JSON text (policies read SLSA provenance from it).</summary>
    public string PredicateJson { get; }

    public static InTotoStatement Parse(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var type = root.TryGetProperty("_type", out var typeElement) ? typeElement.GetString() : null;
            if (type is not ("https://in-toto.io/Statement/v1" or "https://in-toto.io/Statement/v0.1"))
            {
                throw new BundleVerificationException($"DSSE payload is not an in-toto statement (_type '{type}')");
            }

            var digests = new List<string>();
            if (root.TryGetProperty("subject", out var subjects) && subjects.ValueKind == JsonValueKind.Array)
            {
                foreach (var subject in subjects.EnumerateArray())
                {
                    if (subject.TryGetProperty("digest", out var digest) && digest.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String)
                    {
                        digests.Add(sha.GetString()!.ToLowerInvariant());
                    }
                }
            }

            var predicateType = root.TryGetProperty("predicateType", out var predicateTypeElement) && predicateTypeElement.ValueKind == JsonValueKind.String
                ? predicateTypeElement.GetString()!
                : string.Empty;
            var predicate = root.TryGetProperty("predicate", out var predicateElement) ? predicateElement.GetRawText() : "{}";
            return new InTotoStatement(digests, predicateType, predicate);
        }
        catch (JsonException)
        {
            throw new BundleVerificationException("DSSE payload is not JSON");
        }
        catch (InvalidOperationException)
        {
            throw new BundleVerificationException("DSSE payload is not an in-toto statement");
        }
    }

    public bool HasSubject(byte[] sha256) => ((IList<string>)SubjectSha256).Contains(Convert.ToHexStringLower(sha256));
}
