using System;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Tests;

/// <summary>
/// Every case of the public sigstore-conformance bundle-verify suite (real public-good, staging and test-instance
/// bundles): the happy paths verify, every "_fail" case is rejected with a reason, never an unexpected exception.
/// </summary>
public sealed class ConformanceSuiteTests
{
    [Theory]
    [MemberData(nameof(ConformanceCase.All), MemberType = typeof(ConformanceCase))]
    public void Conformance_case_has_the_expected_outcome(string name)
    {
        var testCase = new ConformanceCase(name);
        if (testCase.MustFail)
        {
            var failure = Assert.Throws<BundleVerificationException>(() => testCase.Verify());
            Assert.False(string.IsNullOrWhiteSpace(failure.Message));
        }
        else
        {
            var verified = testCase.Verify();
            Assert.NotNull(verified);
        }
    }
}
