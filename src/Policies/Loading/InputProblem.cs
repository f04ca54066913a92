namespace PolicyKit.Policies.Loading;

/// <summary>
/// A located problem with an input: the file could not be read, or one of its documents could not be used.
/// <c>DocumentIndex</c> is the 0-based index of the document in its stream, or -1 for the whole file.
/// </summary>
public sealed record InputProblem(InputProblemKind Kind, string Detail, int Line, int Column, int DocumentIndex);
