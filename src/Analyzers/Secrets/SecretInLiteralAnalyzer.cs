using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// PK7002: a string literal (regular, verbatim, raw, <c>u8</c>, or the text of an interpolated string) holds a secret of a
/// format the gate recognises — provider tokens, private keys, passwords in URLs and connection strings — whatever the
/// literal is assigned to. The diagnostic spans the secret itself when the literal has no escapes before it.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretInLiteralAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.SecretInLiteral);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(AnalyzeLiteral, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
        context.RegisterSyntaxNodeAction(AnalyzeInterpolatedString, SyntaxKind.InterpolatedStringExpression);
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var token = ((LiteralExpressionSyntax)context.Node).Token;
        Report(context, token.ValueText, token.Text, token.Span);
    }

    /// <summary>
    /// An interpolated string is judged whole, each hole standing in as one neutral character, so
    /// <c>$"postgresql://odoo:pw@{host}/odoo"</c> is still a URL; a secret is reported where its text part is.
    /// </summary>
    private static void AnalyzeInterpolatedString(SyntaxNodeAnalysisContext context)
    {
        var expression = (InterpolatedStringExpressionSyntax)context.Node;
        var value = new System.Text.StringBuilder();
        var holes = new System.Collections.Generic.List<int>();
        foreach (var content in expression.Contents)
        {
            if (content is InterpolatedStringTextSyntax text)
            {
                value.Append(text.TextToken.ValueText);
            }
            else
            {
                holes.Add(value.Length);
                value.Append(HoleStandIn);
            }
        }

        var whole = value.ToString();
        if (!TokenScanner.MayContainToken(whole))
        {
            return;
        }

        foreach (var match in TokenScanner.FindAll(whole))
        {
            var secret = match.SecretIn(whole);
            if (holes.Exists(hole => hole >= match.Index && hole < match.End) || IsFormatHole(secret))
            {
                continue;
            }

            var span = expression.Span;
            foreach (var content in expression.Contents)
            {
                if (content is InterpolatedStringTextSyntax text && SecretSpan(text.TextToken.Text, text.TextToken.Span, secret) is { } found)
                {
                    span = found;
                    break;
                }
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretInLiteral, Location.Create(expression.SyntaxTree, span), match.Detector.Description, SecretMask.Mask(secret)));
        }
    }

    /// <summary>What a hole reads as: a host-name character, so URLs and connection strings around it keep their shape.</summary>
    private const string HoleStandIn = "h";

    private static void Report(SyntaxNodeAnalysisContext context, string value, string sourceText, TextSpan span)
    {
        // Every string literal of the compilation comes here: the keyword test rules out nearly all of them in one pass.
        if (!TokenScanner.MayContainToken(value))
        {
            return;
        }

        foreach (var match in TokenScanner.FindAll(value))
        {
            var secret = match.SecretIn(value);
            if (IsFormatHole(secret))
            {
                continue;
            }

            var location = Location.Create(context.Node.SyntaxTree, SecretSpan(sourceText, span, secret) ?? span);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretInLiteral, location, match.Detector.Description, SecretMask.Mask(secret)));
        }
    }

    /// <summary>
    /// <c>{0}</c>, <c>{0,-8:x}</c>, <c>{Password}</c>: a composite-format or message-template hole that a caller fills
    /// in, the C# form of a placeholder.
    /// </summary>
    private static bool IsFormatHole(string secret) =>
        secret.Length >= 3 && secret[0] == '{' && secret[secret.Length - 1] == '}' && secret.IndexOf('{', 1) < 0;

    /// <summary>The secret's own span when it appears verbatim in the source text (no escape sequence inside it).</summary>
    private static TextSpan? SecretSpan(string sourceText, TextSpan span, string secret)
    {
        var at = sourceText.IndexOf(secret, System.StringComparison.Ordinal);
        return at < 0 || sourceText.IndexOf(secret, at + 1, System.StringComparison.Ordinal) >= 0 ? null : new TextSpan(span.Start + at, secret.Length);
    }
}
