using System;
using PolicyKit.Provenance.Tests.Infrastructure;
using PolicyKit.Provenance.Trust;

namespace PolicyKit.Provenance.Tests;

/// <summary>One test Sigstore instance per test class: its keys and certificates are costly enough to share.</summary>
public sealed class TestSigstoreFixture : IDisposable
{
    private readonly Lazy<TrustedRoot> root;

    public TestSigstoreFixture()
    {
        Sigstore = new TestSigstore();
        root = new Lazy<TrustedRoot>(() => Sigstore.TrustedRoot());
    }

    internal TestSigstore Sigstore { get; }

    internal TrustedRoot Root => root.Value;

    public void Dispose() => Sigstore.Dispose();
}
