using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Reports.Exceptions;

/// <summary>
/// Who added and who last changed each exception file, from git. When git cannot answer (not installed, not a
/// repository, not asked for) <see cref="Note"/> says why, and the report prints it instead of failing.
/// </summary>
public sealed class AuditTrail
{
    public AuditTrail(bool available, string? note, IReadOnlyDictionary<string, FileHistory> files)
    {
        Available = available;
        Note = note;
        Files = files;
    }

    public static AuditTrail NotRequested { get; } = Unavailable("not requested (--no-git)");

    public bool Available { get; }

    /// <summary>Why there is no trail ("git not available: …"), or a remark about it; null when there is nothing to say.</summary>
    public string? Note { get; }

    /// <summary>History by the file's display path.</summary>
    public IReadOnlyDictionary<string, FileHistory> Files { get; }

    public static AuditTrail Unavailable(string reason) =>
        new(false, reason, new Dictionary<string, FileHistory>(StringComparer.Ordinal));

    public FileHistory? For(string file) => Files.TryGetValue(file, out var history) ? history : null;
}
