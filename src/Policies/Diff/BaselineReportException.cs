using System;

namespace PolicyKit.Policies.Diff;

/// <summary>A baseline report cannot be used: unreadable, not JSON, or not a PolicyKit report. The message says which.</summary>
public sealed class BaselineReportException : Exception
{
    public BaselineReportException(string message)
        : base(message)
    {
    }
}
