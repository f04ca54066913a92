using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// PK7005: server certificate validation switched off for an outgoing connection — a lambda or anonymous method given
/// to a certificate validation delegate (any delegate that receives <c>SslPolicyErrors</c> and returns bool) whose every
/// path returns <c>true</c>, or <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>. Unlike CA5359 this
/// is syntactic and on by default, because the credentials the other rules protect travel over such connections.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var sslPolicyErrors = start.Compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors");
            if (sslPolicyErrors is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeDelegate(c, sslPolicyErrors), OperationKind.DelegateCreation);
            start.RegisterOperationAction(AnalyzePropertyReference, OperationKind.PropertyReference);
        });
    }

    private static void AnalyzeDelegate(OperationAnalysisContext context, INamedTypeSymbol sslPolicyErrors)
    {
        var creation = (IDelegateCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol { DelegateInvokeMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } invoke }
            || !HasParameterOf(invoke, sslPolicyErrors)
            || creation.Target is not IAnonymousFunctionOperation function
            || !AlwaysReturnsTrue(function.Body))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.CertificateValidationDisabled, function.Syntax.GetLocation(), "This certificate validation callback"));
    }

    private static void AnalyzePropertyReference(OperationAnalysisContext context)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (reference.Property is { IsStatic: true, Name: "DangerousAcceptAnyServerCertificateValidator" } property
            && property.ContainingType.ToDisplayString() == "System.Net.Http.HttpClientHandler")
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CertificateValidationDisabled, reference.Syntax.GetLocation(), "HttpClientHandler.DangerousAcceptAnyServerCertificateValidator"));
        }
    }

    private static bool HasParameterOf(IMethodSymbol method, INamedTypeSymbol type)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every <c>return</c> in the body returns the constant <c>true</c> (an expression body is one return).</summary>
    private static bool AlwaysReturnsTrue(IBlockOperation body)
    {
        var returns = 0;
        foreach (var descendant in body.Descendants())
        {
            if (descendant is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return false;
            }

            if (descendant is IReturnOperation { ReturnedValue: { } returned })
            {
                if (returned.ConstantValue is not { HasValue: true, Value: true })
                {
                    return false;
                }

                returns++;
            }
        }

        return returns > 0;
    }
}
