using System;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>A commit that touched an exception file: who, when (UTC) and which commit.</summary>
public sealed record GitCommit(string Hash, string Author, string Email, DateTimeOffset Date)
{
    public string ShortHash => Hash.Length > 12 ? Hash.Substring(0, 12) : Hash;

    /// <summary><c>Maria Lopez &lt;maria@acme.example&gt;</c>, or the name alone when git has no address.</summary>
    public string Who => Email.Length == 0 ? Author : $"{Author} <{Email}>";
}
