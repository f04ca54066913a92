namespace PolicyKit.Policies.Loading;

/// <summary>
/// Where a field of a rendered resource is written in the files a person edits. <c>Mapping</c> says how it was found:
/// <c>base</c> (the resource's own file), <c>patch</c>, <c>template</c>, <c>generated</c> (a generator made the
/// resource, so the generator's entry) or <c>untraced</c> (the resource's origin, the field itself not found there).
/// </summary>
public sealed record SourceLocation(string File, int Line, int Column, string Mapping);
