#if NET
using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Git;

/// <summary>One commit as the release history needs it: who, when, what it says, its trailers and its signature.</summary>
/// <remarks>Id: The full commit id.</remarks>
/// <remarks>Parents: Parent ids; two or more for a merge.</remarks>
/// <remarks>SignatureStatus: git's <c>%G?</c>: G good, U good with unknown validity, N none, B bad, and so on.</remarks>
/// <remarks>Trailers: Trailer keys (as written) and values, e.g. <c>Reviewed-by</c>.</remarks>
public sealed record GitCommitRecord(
    string Id,
    IReadOnlyList<string> Parents,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthorTime,
    DateTimeOffset CommitTime,
    string Subject,
    string Body,
    string SignatureStatus,
    IReadOnlyList<KeyValuePair<string, string>> Trailers)
{
    public bool IsMerge => Parents.Count > 1;

    public string ShortId => Id.Length > 12 ? Id.Substring(0, 12) : Id;

    /// <summary>Signed with a signature git verified (<c>G</c>, or <c>U</c>: good but of unknown trust).</summary>
    public bool HasVerifiedSignature => SignatureStatus is "G" or "U";
}
#endif
