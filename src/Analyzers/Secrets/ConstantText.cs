using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// The text a value has at compile time: a string literal, a constant, a constant interpolated string, a concatenation
/// of constants, or a <c>u8</c> literal (which the compiler does not treat as a constant).
/// </summary>
internal static class ConstantText
{
    public static bool TryGet(IOperation? operation, out string text)
    {
        text = string.Empty;
        if (operation is null)
        {
            return false;
        }

        if (operation.Type?.SpecialType is not (SpecialType.System_String or SpecialType.System_Object or null) && operation is not IConversionOperation && operation.Syntax is not LiteralExpressionSyntax)
        {
            return false;
        }

        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string value })
        {
            text = value;
            return true;
        }

        if (operation.Syntax is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
        {
            text = literal.Token.ValueText;
            return true;
        }

        return false;
    }

    /// <summary>Looks through conversions, so <c>object o = "x"</c> and <c>ReadOnlySpan&lt;char&gt; s = "x"</c> are judged too.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
