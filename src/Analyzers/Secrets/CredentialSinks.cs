using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// Credential sinks whose parameters are not named after the credential, found by metadata name so the analyzers need no
/// reference to the libraries: <c>new AuthenticationHeaderValue("Bearer", token)</c> and
/// <c>headers.Add("Authorization", "Bearer …")</c>. Sinks named for what they take (<c>NetworkCredential(user, password)</c>,
/// <c>SqlConnectionStringBuilder.Password</c>, Npgsql's and StackExchange.Redis' <c>Password</c>) are judged by that name.
/// </summary>
internal sealed class CredentialSinks
{
    private readonly INamedTypeSymbol? authenticationHeaderValue;
    private readonly INamedTypeSymbol? httpHeaders;

    public CredentialSinks(Compilation compilation)
    {
        authenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
        httpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
    }

    /// <summary>The name to report when <paramref name="argument"/> hands a credential to a sink, else null.</summary>
    public string? TokenParameterName(IArgumentOperation argument)
    {
        var parameter = argument.Parameter!;
        var method = parameter.ContainingSymbol as IMethodSymbol;
        if (method is null)
        {
            return null;
        }

        if (authenticationHeaderValue is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, authenticationHeaderValue)
            && method.MethodKind == MethodKind.Constructor && parameter.Ordinal == 1)
        {
            return "AuthenticationHeaderValue";
        }

        if (httpHeaders is not null && parameter.Ordinal == 1 && method.Name is "Add" or "TryAddWithoutValidation"
            && InheritsFrom(method.ContainingType, httpHeaders)
            && argument.Parent is IInvocationOperation invocation && invocation.Arguments.Length == 2
            && ConstantText.TryGet(invocation.Arguments[0].Value, out var header)
            && string.Equals(header, "Authorization", System.StringComparison.OrdinalIgnoreCase))
        {
            return "Authorization";
        }

        return null;
    }

    private static bool InheritsFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
