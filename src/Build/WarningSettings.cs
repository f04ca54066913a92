using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyKit.Build;

/// <summary>
/// The project's compiler-style warning settings applied to rule codes: <c>NoWarn</c>, <c>TreatWarningsAsErrors</c>,
/// <c>WarningsAsErrors</c> and <c>WarningsNotAsErrors</c>. MSBuild itself only applies the command-line switches
/// (<c>-warnaserror</c>, <c>-nowarn</c>) to task warnings, so the task applies the project properties the way the C#
/// compiler does.
/// </summary>
internal sealed class WarningSettings
{
    private readonly HashSet<string> noWarn;
    private readonly HashSet<string> asErrors;
    private readonly HashSet<string> notAsErrors;
    private readonly bool allAsErrors;

    public WarningSettings(string? noWarn, bool treatWarningsAsErrors, string? warningsAsErrors, string? warningsNotAsErrors)
    {
        this.noWarn = Codes(noWarn);
        asErrors = Codes(warningsAsErrors);
        notAsErrors = Codes(warningsNotAsErrors);
        allAsErrors = treatWarningsAsErrors;
    }

    public bool IsSilenced(string code) => noWarn.Contains(code);

    public bool IsError(string code) => asErrors.Contains(code) || (allAsErrors && !notAsErrors.Contains(code));

    private static HashSet<string> Codes(string? list) =>
        new((list ?? string.Empty)
                .Split(new[] { ';', ',', ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.Trim()),
            StringComparer.OrdinalIgnoreCase);
}
