using System.Collections.Generic;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests;

/// <summary>
/// Every case of the public sigstore-conformance bundle-verify suite (real public-good, staging and test-instance
/// bundles, Fixtures/conformance): the happy paths verify; every "_fail" case is rejected at the step its README names.
/// </summary>
public sealed class ConformanceSuiteTests
{
    /// <summary>The step each failing case must be rejected at (a fragment of the one-line reason).</summary>
    private static readonly Dictionary<string, string> ExpectedReasons = new()
    {
        ["bundle-empty-certificate-chain_fail"] = "x509CertificateChain has no certificates",
        ["bundle-from-wrong-instance_fail"] = "from a log the trusted root does not know",
        ["bundle-invalid-base64-signature_fail"] = "messageSignature.signature is not valid base64",
        ["bundle-malformed-json_fail"] = "bundle is not valid JSON",
        ["bundle-negative-log-index_fail"] = "logIndex is negative",
        ["bundle-unknown-version_fail"] = "is not a supported Sigstore bundle version",
        ["bundle-with-root-cert_fail"] = "is a self-signed root certificate",
        ["checkpoint-bad-keyhint_fail"] = "no key hint matches",
        ["checkpoint-wrong-roothash_fail"] = "with another root than the inclusion proof's",
        ["dsse-invalid-sig_fail"] = "DSSE envelope signature does not verify",
        ["dsse-mismatch-envelope_fail"] = "tlog entry body: DSSE payload hash does not match",
        ["dsse-mismatch-sig_fail"] = "tlog entry body: DSSE signature does not match",
        ["inclusion-proof-corrupted-hash_fail"] = "not the proof's root",
        ["incorrect-public-key_fail"] = "tlog entry body: signing certificate or key does not match",
        ["integrated-time-in-future_fail"] = "the certificate was not valid at",
        ["intoto-expired-certificate_fail"] = "the certificate was not valid at",
        ["intoto-log-entry-mismatch_fail"] = "tlog entry body: DSSE signature does not match",
        ["intoto-missing-inclusion-proof_fail"] = "must have an inclusion proof",
        ["intoto-set-outside-signing-cert-validity_fail"] = "the certificate was not valid at",
        ["intoto-tsa-timestamp-outside-cert-validity_fail"] = "the certificate was not valid at",
        ["invalid-checkpoint-signature_fail"] = "checkpoint signature does not verify",
        ["invalid-ct-key_fail"] = "SCT from unknown CT log",
        ["invalid-inclusion-proof_fail"] = "checkpoint is missing",
        ["managed-key-no-key_fail"] = "verifying it needs that key",
        ["managed-key-wrong-key_fail"] = "key.pub is not a PEM file",
        ["message-digest-mismatch_fail"] = "not the artifact's sha256:",
        ["rekor2-checkpoint-missing-log-signature_fail"] = "checkpoint has no signature",
        ["rekor2-checkpoint-missing-origin_fail"] = "checkpoint: missing origin, tree size or root hash",
        ["rekor2-checkpoint-missing-root-hash_fail"] = "checkpoint: missing origin, tree size or root hash",
        ["rekor2-checkpoint-missing-size_fail"] = "checkpoint: missing origin, tree size or root hash",
        ["rekor2-checkpoint-no-matching-signature_fail"] = "checkpoint signature does not verify",
        ["rekor2-dsse-invalid-sig_fail"] = "DSSE envelope signature does not verify",
        ["rekor2-dsse-mismatch-envelope_fail"] = "pre-authentication encoding digest does not match",
        ["rekor2-dsse-mismatch-sig_fail"] = "tlog entry body: signature does not match",
        ["rekor2-no-inclusion-proof_fail"] = "must have an inclusion proof",
        ["rekor2-no-timestamp_fail"] = "needs an RFC 3161 timestamp",
        ["rekor2-timestamp-outside-trust-root-tsa-validity_fail"] = "was not a trusted authority at",
        ["rekor2-timestamp-outside-tsa-cert-validity_fail"] = "RFC 3161 timestamp 0",
        ["rekor2-timestamp-payload-mismatch_fail"] = "RFC 3161 timestamp 0 does not verify",
        ["rekor2-timestamp-untrusted-tsa-with-embedded-cert_fail"] = "is not a trusted timestamp authority",
        ["rekor2-timestamp-untrusted-tsa-without-embedded-cert_fail"] = "RFC 3161 timestamp 0 does not verify",
        ["rekor2-timestamp-with-incorrect-time_fail"] = "the certificate was not valid at",
        ["set-invalid-signature_fail"] = "signed entry timestamp of tlog entry",
        ["signature-mismatch_fail"] = "message signature does not verify",
        ["trust-root-tlog-missing-validity-start_fail"] = "validFor.start is missing",
        ["wrong-hashedrekord-artifact_fail"] = "tlog entry body: artifact digest does not match",
        ["wrong-hashedrekord-cert-and-sig_fail"] = "tlog entry body: signature does not match",
        ["wrong-hashedrekord-entry_fail"] = "tlog entry body: artifact digest does not match",
        ["wrong-material_fail"] = "not the artifact's sha256:",
    };

    [Theory]
    [MemberData(nameof(ConformanceCase.All), MemberType = typeof(ConformanceCase))]
    public void Conformance_case_has_the_expected_outcome(string name)
    {
        var testCase = new ConformanceCase(name);
        if (testCase.MustFail)
        {
            var failure = Assert.Throws<BundleVerificationException>(() => testCase.Verify());
            Assert.True(ExpectedReasons.TryGetValue(name, out var expected), $"no expected reason recorded for {name}: {failure.Message}");
            Assert.Contains(expected, failure.Message, System.StringComparison.Ordinal);
        }
        else
        {
            var verified = testCase.Verify();
            if (verified.Certificate is not null)
            {
                Assert.NotEmpty(verified.SigningTimes);
            }
        }
    }
}
