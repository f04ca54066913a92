using System.Collections.Generic;

namespace PolicyKit.Policies.Diff.Governance;

/// <summary>
/// One loosening of the policy between base and head, located in the head's file (or, for something removed, at the
/// nearest place that still exists there), with the values that fill its rule's message.
/// </summary>
public sealed record GovernanceChange(
    GovernanceChangeKind Kind,
    string File,
    int Line,
    int Column,
    string FieldPath,
    string Before,
    string After,
    IReadOnlyList<KeyValuePair<string, string>> Arguments);
