using System.Collections.Immutable;
using System.Composition;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace PolicyKit.Analyzers.CodeFixes;

/// <summary>
/// PK7004: takes the secret out of the log call. An argument is removed, and when the call has a literal message
/// template its matching <c>{Hole}</c> becomes <c>***</c>, so the template and its arguments still agree; a secret
/// interpolated into a string or concatenated to one is replaced by <c>***</c> in place.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretLoggedCodeFix))]
[Shared]
public sealed class SecretLoggedCodeFix : CodeFixProvider
{
    private const string Redacted = "***";
    private static readonly Regex TemplateHole = new(@"(?<!\{)\{[^{}]+\}(?!\})", RegexOptions.CultureInvariant, System.TimeSpan.FromSeconds(1));

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.SecretLogged);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax secret)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Remove the secret from the log call", token => FixAsync(context.Document, secret, token), equivalenceKey: nameof(SecretLoggedCodeFix)),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ExpressionSyntax secret, CancellationToken cancellationToken)
    {
        var editor = await Microsoft.CodeAnalysis.Editing.DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        switch (secret.Parent)
        {
            case ArgumentSyntax { Parent: ArgumentListSyntax list } argument:
                RedactTemplateHole(editor, list, argument);
                editor.RemoveNode(argument, SyntaxRemoveOptions.KeepNoTrivia);
                break;
            case InterpolationSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } interpolation:
                editor.ReplaceNode(interpolated, (current, _) => Redact((InterpolatedStringExpressionSyntax)current, interpolated.Contents.IndexOf(interpolation)));
                break;
            default:
                editor.ReplaceNode(secret, LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(Redacted)).WithTriviaFrom(secret));
                break;
        }

        return editor.GetChangedDocument();
    }

    /// <summary>Replaces the hole at <paramref name="index"/> by <c>***</c>, merged with the text around it.</summary>
    private static InterpolatedStringExpressionSyntax Redact(InterpolatedStringExpressionSyntax interpolated, int index)
    {
        var contents = new System.Collections.Generic.List<InterpolatedStringContentSyntax>();
        string? text = null;
        string? value = null;
        for (var i = 0; i < interpolated.Contents.Count; i++)
        {
            var content = interpolated.Contents[i];
            if (i == index || content is InterpolatedStringTextSyntax)
            {
                var token = (content as InterpolatedStringTextSyntax)?.TextToken;
                text += token?.Text ?? Redacted;
                value += token?.ValueText ?? Redacted;
                continue;
            }

            Flush();
            contents.Add(content);
        }

        Flush();
        return interpolated.WithContents(List(contents));

        void Flush()
        {
            if (text is not null)
            {
                contents.Add(InterpolatedStringText(Token(TriviaList(), SyntaxKind.InterpolatedStringTextToken, text, value ?? string.Empty, TriviaList())));
                text = null;
                value = null;
            }
        }
    }

    /// <summary>
    /// In <c>LogInformation("Connecting as {User} with {Password}", user, password)</c> the removed argument is the second
    /// after the template, so the second hole is redacted.
    /// </summary>
    private static void RedactTemplateHole(Microsoft.CodeAnalysis.Editing.DocumentEditor editor, ArgumentListSyntax list, ArgumentSyntax removed)
    {
        var template = -1;
        for (var i = 0; i < list.Arguments.Count; i++)
        {
            if (list.Arguments[i].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) && TemplateHole.IsMatch(literal.Token.ValueText))
            {
                template = i;
                break;
            }
        }

        var position = list.Arguments.IndexOf(removed) - template - 1;
        if (template < 0 || position < 0)
        {
            return;
        }

        var templateLiteral = (LiteralExpressionSyntax)list.Arguments[template].Expression;
        var holes = TemplateHole.Matches(templateLiteral.Token.ValueText);
        if (position >= holes.Count)
        {
            return;
        }

        var hole = holes[position];
        var text = templateLiteral.Token.ValueText;
        var redacted = text.Substring(0, hole.Index) + Redacted + text.Substring(hole.Index + hole.Length);
        editor.ReplaceNode(templateLiteral, LiteralExpression(SyntaxKind.StringLiteralExpression, Literal(redacted)).WithTriviaFrom(templateLiteral));
    }
}
