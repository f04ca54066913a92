namespace PolicyKit.Policies.Diff.Access;

/// <summary>
/// A privilege a change grants or widens, with the state before and after, located in the head's file — or, for a
/// protection the change removed (a NetworkPolicy deleted), in the base's file, marked <see cref="Removed"/>.
/// </summary>
public sealed record AccessChange(
    AccessArea Area,
    string Kind,
    string Resource,
    string Description,
    string Before,
    string After,
    string File,
    int Line,
    int Column,
    string FieldPath,
    bool Removed);
