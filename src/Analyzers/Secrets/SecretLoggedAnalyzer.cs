using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// PK7004: a secret passed to a log, the console, Debug/Trace or an exception message — directly, inside an interpolated
/// string, or as a <c>params</c> element. A secret here is a credential-named symbol of a type that can hold one, a
/// configuration value read under a credential-named key, a <c>SecureString</c>, or <c>NetworkCredential.Password</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLoggedAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.SecretLogged);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Every type is looked up once per compilation; the callbacks below run for every call and compare symbols.
            var sinks = new LogSinks(start.Compilation);
            var secrets = new SecretValues(start.Compilation);
            start.RegisterOperationAction(c => AnalyzeCall(c, sinks, secrets, ((IInvocationOperation)c.Operation).TargetMethod, ((IInvocationOperation)c.Operation).Arguments), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCall(c, sinks, secrets, ((IObjectCreationOperation)c.Operation).Constructor, ((IObjectCreationOperation)c.Operation).Arguments), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeCall(OperationAnalysisContext context, LogSinks sinks, SecretValues secrets, IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (method is null || arguments.IsEmpty || sinks.Destination(method) is not { } destination)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                Inspect(context, secrets, argument.Value, destination);
            }
        }
    }

    private static void Inspect(OperationAnalysisContext context, SecretValues secrets, IOperation value, string destination)
    {
        value = ConstantText.Unwrap(value);
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    Inspect(context, secrets, element, destination);
                }

                return;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        Inspect(context, secrets, interpolation.Expression, destination);
                    }
                }

                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                Inspect(context, secrets, concatenation.LeftOperand, destination);
                Inspect(context, secrets, concatenation.RightOperand, destination);
                return;
        }

        if (secrets.Describe(value) is { } what)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLogged, value.Syntax.GetLocation(), what, destination));
        }
    }
}
