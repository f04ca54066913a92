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
    KustomizeUnavailable,
    KustomizeFailed,
    HelmUnavailable,
    HelmFailed,
    UnreadableFolder,
    DanglingLink,
    SpecialFile,
    LinkOutsideTree,
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
        InputProblemKind.FileSize => "file-size",
        InputProblemKind.KustomizeUnavailable => "kustomize-unavailable",
        InputProblemKind.KustomizeFailed => "kustomize-failed",
        InputProblemKind.HelmUnavailable => "helm-unavailable",
        InputProblemKind.HelmFailed => "helm-failed",
        InputProblemKind.UnreadableFolder => "unreadable-folder",
        InputProblemKind.DanglingLink => "dangling-link",
        InputProblemKind.SpecialFile => "special-file",
        _ => "link-outside-tree",
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
