using System.Threading;

namespace PolicyKit.Policies.Evaluation;

/// <summary>How far an evaluation has come, readable from another thread while it runs (a door shows it to a waiting user).</summary>
public sealed class EvaluationProgress
{
    private int filesJudged;

    /// <summary>Files evaluated so far.</summary>
    public int FilesJudged => Volatile.Read(ref filesJudged);

    internal void FileJudged() => Interlocked.Increment(ref filesJudged);
}
