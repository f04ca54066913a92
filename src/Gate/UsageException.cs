using System;

namespace PolicyKit.Gate;

/// <summary>The command line asks for something impossible; reported in one line with exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
