using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// PK7001: a constant reaches a credential-named target — variable, field, property, parameter default, argument,
/// object-initializer member or configuration key — or a well-known credential sink. The engine's judge decides, so
/// placeholders, empty values, paths and switches stay quiet exactly as they do in YAML. Values of a recognised token
/// format are left to PK7002, which reports them wherever they are.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedCredentialAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the symbol or key the credential was given to; the code fix names its lookup after it.</summary>
    public const string TargetNameProperty = "TargetName";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.HardCodedCredential);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var sinks = new CredentialSinks(start.Compilation);
            start.RegisterOperationAction(c => AnalyzeDeclarator(c), OperationKind.VariableDeclarator);
            start.RegisterOperationAction(c => AnalyzeInitializer(c), OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.ParameterInitializer);
            start.RegisterOperationAction(c => AnalyzeAssignment(c), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeArgument(c, sinks), OperationKind.Argument);
        });
    }

    private static void AnalyzeDeclarator(OperationAnalysisContext context)
    {
        var declarator = (IVariableDeclaratorOperation)context.Operation;
        var initializer = declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
        Judge(context, CredentialSymbols.Describe(declarator.Symbol), declarator.Symbol.Name, declarator.Symbol.Type, initializer?.Value);
    }

    private static void AnalyzeInitializer(OperationAnalysisContext context)
    {
        switch (context.Operation)
        {
            case IFieldInitializerOperation { InitializedFields.Length: > 0 } field:
                Judge(context, "Field", field.InitializedFields[0].Name, field.InitializedFields[0].Type, field.Value);
                break;
            case IPropertyInitializerOperation { InitializedProperties.Length: > 0 } property:
                Judge(context, "Property", property.InitializedProperties[0].Name, property.InitializedProperties[0].Type, property.Value);
                break;
            case IParameterInitializerOperation parameter:
                Judge(context, "Parameter", parameter.Parameter.Name, parameter.Parameter.Type, parameter.Value);
                break;
        }
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        switch (assignment.Target)
        {
            case IPropertyReferenceOperation { Arguments.Length: 1 } indexer when ConstantText.TryGet(indexer.Arguments[0].Value, out var key):
                // config["Odoo:Password"] = "…", new Dictionary<string, string> { ["Password"] = "…" }
                Judge(context, "Key", key, indexer.Type, assignment.Value, CredentialSymbols.LastKeySection(key));
                break;
            case IPropertyReferenceOperation property:
                Judge(context, "Property", property.Property.Name, property.Type, assignment.Value);
                break;
            case IFieldReferenceOperation field:
                Judge(context, "Field", field.Field.Name, field.Type, assignment.Value);
                break;
            case ILocalReferenceOperation local:
                Judge(context, "Variable", local.Local.Name, local.Type, assignment.Value);
                break;
            case IParameterReferenceOperation parameter:
                Judge(context, "Parameter", parameter.Parameter.Name, parameter.Type, assignment.Value);
                break;
        }
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, CredentialSinks sinks)
    {
        var argument = (IArgumentOperation)context.Operation;
        // Most arguments are not constants: that test is cheaper than asking whether the call is a credential sink.
        if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue || !ConstantText.TryGet(argument.Value, out _))
        {
            return;
        }

        if (sinks.TokenParameterName(argument) is { } sinkName)
        {
            Judge(context, "Argument", sinkName, parameter.Type, argument.Value, judgedName: "token", stripScheme: true);
            return;
        }

        Judge(context, "Argument", parameter.Name, parameter.Type, argument.Value);
    }

    private static void Judge(OperationAnalysisContext context, string what, string name, ITypeSymbol? type, IOperation? value, string? judgedName = null, bool stripScheme = false)
    {
        // Cheapest tests first: this runs for every argument, assignment and declaration of the compilation.
        if (value is null || !ConstantText.TryGet(value, out var text) || text.Length == 0)
        {
            return;
        }

        var credential = CredentialSymbols.Classify(judgedName ?? name);
        if (!credential.IsCredential || !CredentialSymbols.CanHoldSecret(type)
            || !AnalyzerSettings.JudgesTree(context.Options, value.Syntax.SyntaxTree, RuleIdentifiers.HardCodedCredential)
            || TokenScanner.TryFindFirst(text, out _) || CredentialSymbols.IsSettingName(judgedName ?? name, text))
        {
            return;
        }

        var offset = 0;
        if (stripScheme && text.IndexOf(' ') is var space and > 0)
        {
            offset = space + 1;
        }

        var judged = SecretJudge.Judge(credential, text.Substring(offset));
        if (!judged.IsFound)
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(TargetNameProperty, name);
        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.HardCodedCredential,
            ConstantText.Unwrap(value).Syntax.GetLocation(),
            properties,
            what,
            name,
            judged.Description,
            SecretMask.Mask(judged.SecretIn(text.Substring(offset)))));
    }
}
