using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyKit.Analyzers.Secrets;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PolicyKit.Analyzers.CodeFixes;

/// <summary>
/// PK7001: replaces the hard-coded credential with an environment lookup named after the symbol
/// (<c>Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw …</c>), which also reaches configuration through the
/// environment-variables provider. A <c>const</c> becomes <c>static readonly</c> (or a plain local), since the value is no
/// longer known at compile time. Not offered where only a constant is allowed (attribute arguments, parameter defaults,
/// <c>u8</c> literals, switch labels).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedCredentialCodeFix))]
[Shared]
public sealed class HardCodedCredentialCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.HardCodedCredential);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || !diagnostic.Properties.TryGetValue(HardCodedCredentialAnalyzer.TargetNameProperty, out var name) || name is null
                || !CanBeReplaced(value))
            {
                continue;
            }

            var variable = EnvironmentVariableName.For(name);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read it from the environment variable {variable}",
                    token => ReplaceAsync(context.Document, value, variable, token),
                    equivalenceKey: nameof(HardCodedCredentialCodeFix)),
                diagnostic);
        }
    }

    private static bool CanBeReplaced(ExpressionSyntax value) =>
        !value.IsKind(SyntaxKind.Utf8StringLiteralExpression)
        && value.FirstAncestorOrSelf<AttributeArgumentSyntax>() is null
        && value.FirstAncestorOrSelf<ParameterSyntax>() is null
        && value.FirstAncestorOrSelf<SwitchLabelSyntax>() is null
        && value.FirstAncestorOrSelf<PatternSyntax>() is null;

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax value, string variable, CancellationToken cancellationToken)
    {
        var editor = await Microsoft.CodeAnalysis.Editing.DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var system = ImportsSystem(value) ? string.Empty : "System.";
        var lookup = ParseExpression(
                $"{system}Environment.GetEnvironmentVariable(\"{variable}\") ?? throw new {system}InvalidOperationException(\"Set the {variable} environment variable.\")")
            .WithTriviaFrom(value);
        editor.ReplaceNode(value, lookup);

        if (value.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: { } holder } } })
        {
            switch (holder)
            {
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    editor.ReplaceNode(field, (current, _) => ((FieldDeclarationSyntax)current).WithModifiers(WithoutConst(((FieldDeclarationSyntax)current).Modifiers, staticReadonly: true)));
                    break;
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    editor.ReplaceNode(local, (current, _) => ((LocalDeclarationStatementSyntax)current).WithModifiers(WithoutConst(((LocalDeclarationStatementSyntax)current).Modifiers, staticReadonly: false)));
                    break;
            }
        }

        return editor.GetChangedDocument();
    }

    private static bool ImportsSystem(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            var usings = ancestor switch
            {
                CompilationUnitSyntax unit => unit.Usings,
                BaseNamespaceDeclarationSyntax ns => ns.Usings,
                _ => default,
            };

            if (usings.Any(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name?.ToString() == "System"))
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxTokenList WithoutConst(SyntaxTokenList modifiers, bool staticReadonly)
    {
        var result = new SyntaxTokenList();
        foreach (var modifier in modifiers)
        {
            if (!modifier.IsKind(SyntaxKind.ConstKeyword))
            {
                result = result.Add(modifier);
                continue;
            }

            if (staticReadonly)
            {
                result = result.Add(Token(modifier.LeadingTrivia, SyntaxKind.StaticKeyword, TriviaList(Space)));
                result = result.Add(Token(TriviaList(), SyntaxKind.ReadOnlyKeyword, modifier.TrailingTrivia));
            }
        }

        return result;
    }
}
