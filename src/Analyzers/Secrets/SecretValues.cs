using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// Which values passed to a log are secrets (PK7004): a credential-named symbol of a type that can hold one, a
/// configuration value read under a credential-named key, a <c>SecureString</c>, or <c>NetworkCredential.Password</c>.
/// One instance per compilation: the types are resolved once by metadata name, and the verdict on each name is
/// remembered, since the same few names (<c>user</c>, <c>customer</c>, <c>logger</c>) reach thousands of log calls.
/// </summary>
internal sealed class SecretValues
{
    private readonly INamedTypeSymbol? secureString;
    private readonly INamedTypeSymbol? networkCredential;
    private readonly INamedTypeSymbol? configuration;
    private readonly INamedTypeSymbol? configurationSection;
    private readonly INamedTypeSymbol? configurationRoot;
    private readonly ConcurrentDictionary<string, bool> credentialNames = new(System.StringComparer.Ordinal);

    public SecretValues(Compilation compilation)
    {
        secureString = compilation.GetTypeByMetadataName("System.Security.SecureString");
        networkCredential = compilation.GetTypeByMetadataName("System.Net.NetworkCredential");
        configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
        configurationSection = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationSection");
        configurationRoot = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfigurationRoot");
    }

    /// <summary>How the secret reads in the message (<c>"dbPassword"</c>), or null when the value is not a secret.</summary>
    public string? Describe(IOperation value)
    {
        if (value.ConstantValue.HasValue)
        {
            return null;
        }

        if (Is(value.Type, secureString))
        {
            return "A SecureString";
        }

        switch (value)
        {
            case IPropertyReferenceOperation { Arguments.Length: 1 } indexer when IsConfiguration(indexer.Property.ContainingType) && ConstantText.TryGet(indexer.Arguments[0].Value, out var key):
                return IsCredentialKey(key) ? $"The configuration value \"{key}\"" : null;
            case IInvocationOperation invocation when invocation.TargetMethod.Name == "GetValue" && invocation.Arguments.Length > 0
                && ConstantText.TryGet(invocation.Arguments[invocation.Arguments.Length - 1].Value, out var key):
                return IsCredentialKey(key) && IsConfigurationCall(invocation) ? $"The configuration value \"{key}\"" : null;
            case IPropertyReferenceOperation property when property.Property.Name == "Password" && Is(property.Property.ContainingType, networkCredential):
                return "NetworkCredential.Password";
        }

        var symbol = value switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        return symbol is not null && IsCredentialName(symbol.Name) && CredentialSymbols.CanHoldSecret(value.Type)
            ? $"{CredentialSymbols.Describe(symbol)} \"{symbol.Name}\""
            : null;
    }

    private bool IsCredentialName(string name) =>
        credentialNames.GetOrAdd(name, static n => CredentialSymbols.Classify(n).IsCredential);

    private static bool IsCredentialKey(string key) => CredentialSymbols.Classify(CredentialSymbols.LastKeySection(key)).IsCredential;

    private bool IsConfigurationCall(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance?.Type ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null);
        return IsConfiguration(receiver as INamedTypeSymbol);
    }

    private bool IsConfiguration(INamedTypeSymbol? type)
    {
        if (type is null || configuration is null)
        {
            return false;
        }

        if (Is(type, configuration) || Is(type, configurationSection) || Is(type, configurationRoot))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (Is(implemented, configuration))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
