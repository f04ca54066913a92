namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// A problem with an exception record or file, as the register lists it: the rule that reports it (when the exceptions
/// pack is available), what is wrong, and where.
/// </summary>
public sealed record EntryProblem(string? RuleId, string Problem, string Title, string Detail, string File, int Line, int Column)
{
    public string Location => $"{File}:{Line}:{Column}";

    /// <summary><c>PK9005 Exception approved by its owner: owner and approver are both …</c></summary>
    public string Text => (RuleId is null ? string.Empty : RuleId + " ") + Title + ": " + Detail;
}
