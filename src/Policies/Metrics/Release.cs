using System;

namespace PolicyKit.Policies.Metrics;

/// <summary>A commit of the deployment repository that was released: a matching tag or a merge to the main branch.</summary>
/// <remarks>Name: The tag name, or the merge commit's short id.</remarks>
/// <remarks>Time: The tag's date (annotated: tagger date; lightweight: commit date), or the merge's commit date.</remarks>
public sealed record Release(string Name, string Commit, DateTimeOffset Time);
