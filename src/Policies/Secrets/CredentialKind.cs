namespace PolicyKit.Policies.Secrets;

/// <summary>What kind of credential a setting's name says it holds.</summary>
public enum CredentialKind
{
    None,
    Password,
    Token,
    ApiKey,
    AccessKey,
    PrivateKey,
    Secret,
    Credentials,
}
