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
        context.RegisterSyntaxNodeAction(AnalyzeInterpolatedText, SyntaxKind.InterpolatedStringText);
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var token = ((LiteralExpressionSyntax)context.Node).Token;
        Report(context, token.ValueText, token.Text, token.Span);
    }

    private static void AnalyzeInterpolatedText(SyntaxNodeAnalysisContext context)
    {
        var token = ((InterpolatedStringTextSyntax)context.Node).TextToken;
        Report(context, token.ValueText, token.Text, token.Span);
    }

    private static void Report(SyntaxNodeAnalysisContext context, string value, string sourceText, TextSpan span)
    {
        if (value.Length < TokenScanner.MinimumLength)
        {
            return;
        }

        foreach (var match in TokenScanner.FindAll(value))
        {
            var secret = match.SecretIn(value);
            var location = Location.Create(context.Node.SyntaxTree, SecretSpan(sourceText, span, secret) ?? span);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretInLiteral, location, match.Detector.Description, SecretMask.Mask(secret)));
        }
    }

    /// <summary>The secret's own span when it appears verbatim in the source text (no escape sequence inside it).</summary>
    private static TextSpan? SecretSpan(string sourceText, TextSpan span, string secret)
    {
        var at = sourceText.IndexOf(secret, System.StringComparison.Ordinal);
        return at < 0 || sourceText.IndexOf(secret, at + 1, System.StringComparison.Ordinal) >= 0 ? null : new TextSpan(span.Start + at, secret.Length);
    }
}
