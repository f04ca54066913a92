namespace PolicyKit.Policies.Secrets;

/// <summary>What a configured value is, before asking whether it is a secret.</summary>
public enum SecretValueForm
{
    /// <summary>Nothing there: empty, blank or an explicit null such as <c>~</c> or <c>None</c>.</summary>
    Empty,

    /// <summary>Filled in later: <c>${VAR}</c>, <c>$(VAR)</c>, <c>{{ .Values.x }}</c>, <c>&lt;changeme&gt;</c>, <c>REPLACE_ME</c>, <c>xxxx</c>.</summary>
    Placeholder,

    /// <summary>Points at a secret kept elsewhere: <c>vault:…</c>, <c>ref+…</c>, <c>op://…</c>, <c>&lt;path:…#key&gt;</c>.</summary>
    Reference,

    /// <summary>Ciphertext of an accepted encrypted form, such as SOPS' <c>ENC[AES256_GCM,…]</c>.</summary>
    Encrypted,

    /// <summary>A literal value: whether it is a secret depends on where it is and what it looks like.</summary>
    Literal,
}
