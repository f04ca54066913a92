using Microsoft.CodeAnalysis;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>Judges C# names and configuration keys with the engine's credential vocabulary, so C# and YAML agree.</summary>
internal static class CredentialSymbols
{
    private static readonly char[] KeySeparators = { ':', '.', '/' };

    /// <summary>The name the engine should judge: without C# field prefixes (<c>_password</c>, <c>m_password</c>, <c>@password</c>).</summary>
    public static string Normalize(string name)
    {
        if (name.StartsWith("m_", System.StringComparison.Ordinal) || name.StartsWith("s_", System.StringComparison.Ordinal))
        {
            name = name.Substring(2);
        }

        return name.TrimStart('_', '@');
    }

    public static CredentialName Classify(string name) => CredentialName.Classify(Normalize(name));

    /// <summary>
    /// The setting a configuration key names: its last section, <c>Odoo:Password</c> → <c>Password</c>; also for the
    /// <c>__</c> separator environment variables use (<c>Odoo__Password</c>).
    /// </summary>
    public static string LastKeySection(string key)
    {
        var doubleUnderscore = key.LastIndexOf("__", System.StringComparison.Ordinal);
        var separator = key.LastIndexOfAny(KeySeparators);
        var cut = System.Math.Max(separator + 1, doubleUnderscore >= 0 ? doubleUnderscore + 2 : 0);
        return cut > 0 && cut < key.Length ? key.Substring(cut) : key;
    }

    /// <summary>Types that can carry a credential's value; a <c>CancellationToken token</c> cannot.</summary>
    public static bool CanHoldSecret(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.SpecialType is SpecialType.System_String or SpecialType.System_Object)
        {
            return true;
        }

        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Char or SpecialType.System_Byte })
        {
            return true;
        }

        var name = type.OriginalDefinition.ToDisplayString();
        return name is "System.Security.SecureString" or "System.ReadOnlySpan<T>" or "System.ReadOnlyMemory<T>" or "System.Span<T>" or "System.Memory<T>";
    }

    /// <summary>A symbol's kind as it reads at the start of a message.</summary>
    public static string Describe(ISymbol symbol) => symbol switch
    {
        IFieldSymbol => "Field",
        IPropertySymbol => "Property",
        IParameterSymbol => "Parameter",
        ILocalSymbol => "Variable",
        _ => "Symbol",
    };
}
