namespace PolicyKit.Policies.Loading;

/// <summary>What went wrong while reading an input; each kind is judged by an <c>input</c> rule.</summary>
public enum InputProblemKind
{
    Syntax,
    NotAResource,
    DuplicateKey,
    Encoding,
    EmptyFile,
    AliasExpansion,
    NestingDepth,
    FileSize,
}

internal static class InputProblemKinds
{
    public static string ToRuleValue(this InputProblemKind kind) => kind switch
    {
        InputProblemKind.Syntax => "syntax",
        InputProblemKind.NotAResource => "not-a-resource",
        InputProblemKind.DuplicateKey => "duplicate-key",
        InputProblemKind.Encoding => "encoding",
        InputProblemKind.EmptyFile => "empty-file",
        InputProblemKind.AliasExpansion => "alias-expansion",
        InputProblemKind.NestingDepth => "nesting-depth",
        _ => "file-size",
    };

    public static bool TryParse(string value, out InputProblemKind kind)
    {
        foreach (InputProblemKind candidate in System.Enum.GetValues(typeof(InputProblemKind)))
        {
            if (candidate.ToRuleValue() == value)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
