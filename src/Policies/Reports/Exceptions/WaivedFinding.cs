namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// A finding an exception matches, as the register lists it. <see cref="SuppressedBy"/> is the exception the finding
/// names as its suppression: this one, or an earlier record that matches it too.
/// </summary>
public sealed record WaivedFinding(string RuleId, string Severity, string Resource, string File, int Line, int Column, string Fingerprint, string? Environment, string? SuppressedBy)
{
    public string Location => $"{File}:{Line}:{Column}";
}
