namespace PolicyKit.Policies.Secrets;

/// <summary>One secret-bearing object's rotation verdict, as the JSON report lists it.</summary>
public sealed record SecretRotationItem(
    string Kind,
    string? Namespace,
    string? Name,
    string File,
    int Line,
    string? Environment,
    bool Compliant,
    string Reason);
