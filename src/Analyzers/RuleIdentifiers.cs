namespace PolicyKit.Analyzers;

/// <summary>
/// The ids of the C#-only rules. They share the catalogue of the engine's rules (<c>docs/rules/</c>) in the range
/// PK7001–PK7099 that no rule pack uses; findings on manifests and Kubernetes objects keep the engine's own ids.
/// </summary>
public static class RuleIdentifiers
{
    public const string HardCodedCredential = "PK7001";
    public const string SecretInLiteral = "PK7002";
    public const string CredentialInAppSettings = "PK7003";
    public const string SecretLogged = "PK7004";
    public const string CertificateValidationDisabled = "PK7005";

    public const string DocsBaseUri = "https://github.com/policykit/policykit/blob/main/docs/rules/";

    public static string HelpLink(string id) => DocsBaseUri + id + ".md";
}
