using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers;

/// <summary>
/// The descriptors of the C#-only rules. Each is written out with constant arguments so the release-tracking analyzers
/// (RS2000 series) can check it against <c>AnalyzerReleases.*.md</c>.
/// </summary>
internal static class Descriptors
{
    public const string SecretsCategory = "secrets";

    public static readonly DiagnosticDescriptor HardCodedCredential = new(
        id: RuleIdentifiers.HardCodedCredential,
        title: "Hard-coded credential",
        messageFormat: "{0} \"{1}\" is given {2} in source ({3}); read it from configuration, user secrets or an environment variable",
        category: SecretsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string constant reaches a credential-named variable, field, property, parameter, argument, configuration key or a well-known credential sink. Anyone who can read the source, the assembly or its history has the credential.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.HardCodedCredential));

    public static readonly DiagnosticDescriptor SecretInLiteral = new(
        id: RuleIdentifiers.SecretInLiteral,
        title: "Secret in a string literal",
        messageFormat: "A string literal holds {0} ({1}); move it to configuration, user secrets or a secret store and rotate it",
        category: SecretsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A string literal holds a secret of a recognised format: a provider token, a private key, or a password inside a connection string or URL. These formats are secrets wherever they appear.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.SecretInLiteral));

    public static readonly DiagnosticDescriptor CredentialInAppSettings = new(
        id: RuleIdentifiers.CredentialInAppSettings,
        title: "Credential in an application settings file",
        messageFormat: "\"{0}\" holds {1} ({2}) in {3}; keep it in user secrets, an environment variable or a secret store",
        category: SecretsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An appsettings*.json, secrets.json-like or *.config file given to the compiler as an additional file holds a plaintext credential. Such files are committed and copied to the output folder.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.CredentialInAppSettings));

    public static readonly DiagnosticDescriptor SecretLogged = new(
        id: RuleIdentifiers.SecretLogged,
        title: "Secret written to a log",
        messageFormat: "{0} is written to {1}; log that the credential was used, never its value",
        category: SecretsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A credential-named value, a value read from configuration under a credential-named key, a SecureString or a NetworkCredential's password is passed to a logger, the console, Debug/Trace or an exception message, where every log reader sees it.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.SecretLogged));

    public static readonly DiagnosticDescriptor CertificateValidationDisabled = new(
        id: RuleIdentifiers.CertificateValidationDisabled,
        title: "Server certificate validation disabled",
        messageFormat: "{0} accepts every server certificate; credentials sent over this connection go to whoever answers",
        category: SecretsCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A certificate validation callback that always returns true, or DangerousAcceptAnyServerCertificateValidator, turns TLS into encryption to anyone: a man in the middle receives every password and token sent on the connection.",
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.CertificateValidationDisabled));
}
