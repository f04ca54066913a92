namespace PolicyKit.Gate;

/// <summary>The gate's exit codes. They are part of its contract (README, "Exit codes") and never change meaning.</summary>
internal static class ExitCodes
{
    /// <summary>Nothing at or above the fail threshold.</summary>
    public const int Passed = 0;

    /// <summary>At least one blocking finding.</summary>
    public const int Blocked = 1;

    /// <summary>Bad flag, missing path, invalid policy file or rule pack: nothing was judged.</summary>
    public const int UsageError = 2;

    /// <summary>A defect in PolicyKit itself; the message asks for a bug report.</summary>
    public const int InternalError = 3;
}
