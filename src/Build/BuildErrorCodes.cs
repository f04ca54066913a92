namespace PolicyKit.Build;

/// <summary>
/// Codes of the errors the task itself reports, outside the rule catalogue (rule ids are PK + four digits and are
/// forever, so these use their own PKB prefix).
/// </summary>
internal static class BuildErrorCodes
{
    /// <summary>The policy file, a rule pack it names, or a setting in it is invalid; located in that file.</summary>
    public const string InvalidPolicy = "PKB001";

    /// <summary>A <c>PolicyKitManifest</c> item names a path that does not exist.</summary>
    public const string MissingInput = "PKB002";

    /// <summary>A <c>PolicyKit*</c> property has a value the task does not understand.</summary>
    public const string InvalidProperty = "PKB003";

    /// <summary>A report could not be written.</summary>
    public const string ReportNotWritten = "PKB004";

    /// <summary>A PolicyKit defect: one line, never a stack trace in the build log.</summary>
    public const string InternalError = "PKB999";
}
