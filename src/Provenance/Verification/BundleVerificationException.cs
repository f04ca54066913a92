using System;

namespace PolicyKit.Provenance.Verification;

/// <summary>
/// A bundle, trusted root or artifact that does not verify. The message is the one-line reason shown to the user,
/// naming the step that failed (e.g. "inclusion proof: computed root … does not match the checkpoint's root …").
/// </summary>
public sealed class BundleVerificationException : Exception
{
    public BundleVerificationException(string message)
        : base(message)
    {
    }

    public BundleVerificationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
