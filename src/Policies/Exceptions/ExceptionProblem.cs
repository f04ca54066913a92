namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// A located problem with an exception record or file. <see cref="Record"/> is null for problems of the file itself
/// (unparseable YAML, a document that is not an exception list). <see cref="FieldPath"/> addresses the offending field,
/// e.g. <c>exceptions[id=EX-2026-014].approver</c>.
/// </summary>
public sealed record ExceptionProblem(ExceptionProblemKind Kind, string Detail, string File, int Line, int Column, string FieldPath, ExceptionRecord? Record);
