using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace PolicyKit.Build;

/// <summary>
/// Logs again the warnings of the last check when the check itself was skipped as up to date, as if it had run:
/// same codes, places and help links, so warnings stay visible and <c>-warnaserror</c> still fails the build.
/// </summary>
public sealed class PolicyKitReplayWarnings : Task
{
    [Required]
    public string WarningsFile { get; set; } = string.Empty;

    /// <summary>The project's <c>NoWarn</c>, as for <see cref="PolicyKitCheck"/>.</summary>
    public string? NoWarn { get; set; }

    public bool TreatWarningsAsErrors { get; set; }

    public string? WarningsAsErrors { get; set; }

    public string? WarningsNotAsErrors { get; set; }

    public override bool Execute()
    {
        var settings = new WarningSettings(NoWarn, TreatWarningsAsErrors, WarningsAsErrors, WarningsNotAsErrors);
        var failed = false;
        foreach (var warning in RecordedWarning.ReadAll(WarningsFile))
        {
            if (settings.IsSilenced(warning.Code))
            {
                continue;
            }

            if (settings.IsError(warning.Code))
            {
                Log.LogError(null, warning.Code, warning.Code, warning.HelpLink, warning.File, warning.Line, warning.Column, 0, 0, warning.Message);
                continue;
            }

            Log.LogWarning(null, warning.Code, warning.Code, warning.HelpLink, warning.File, warning.Line, warning.Column, 0, 0, warning.Message);
            failed |= BuildEngine is IBuildEngine8 engine && engine.ShouldTreatWarningAsError(warning.Code);
        }

        return !failed && !Log.HasLoggedErrors;
    }
}
