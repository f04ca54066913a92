namespace PolicyKit.Policies.Loading;

/// <summary>Bounds that keep hostile or accidental inputs (alias bombs, deep nesting, huge files) from exhausting the gate.</summary>
public sealed record LoaderLimits
{
    public static LoaderLimits Default { get; } = new();

    /// <summary>Files larger than this are reported, not parsed. Rendered Helm charts of a whole cluster stay well below.</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences in one document; real manifests stay under 30.</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>Most nodes that aliases may add to one document once expanded (the "billion laughs" guard).</summary>
    public long MaxAliasExpandedNodes { get; init; } = 100_000;
}
