namespace PolicyKit.Policies.Diff;

/// <summary>What the findings were compared with: a base commit, or a JSON report kept from an earlier run.</summary>
public sealed class ComparisonBasis
{
    private ComparisonBasis(string? revision, string? commit, string? baselineFile)
    {
        Revision = revision;
        Commit = commit;
        BaselineFile = baselineFile;
    }

    /// <summary>The base revision as the user named it (<c>origin/main</c>), or null for a baseline report.</summary>
    public string? Revision { get; }

    /// <summary>The base commit id, or null for a baseline report.</summary>
    public string? Commit { get; }

    /// <summary>The baseline report's path as given, or null for a base commit.</summary>
    public string? BaselineFile { get; }

    public static ComparisonBasis ForCommit(string revision, string commit) => new(revision, commit, null);

    public static ComparisonBasis ForBaseline(string file) => new(null, null, file);

    /// <summary>One line for reports: <c>base origin/main (3f798a9c12ab)</c> or <c>baseline reports/main.json</c>.</summary>
    public string Describe() => BaselineFile is not null
        ? $"baseline {BaselineFile}"
        : $"base {Revision} ({Commit!.Substring(0, 12)})";
}
