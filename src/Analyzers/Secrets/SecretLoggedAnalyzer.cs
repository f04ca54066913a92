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
            var sinks = new LogSinks(start.Compilation);
            start.RegisterOperationAction(c => AnalyzeCall(c, sinks, ((IInvocationOperation)c.Operation).TargetMethod, ((IInvocationOperation)c.Operation).Arguments), OperationKind.Invocation);
            start.RegisterOperationAction(c => AnalyzeCall(c, sinks, ((IObjectCreationOperation)c.Operation).Constructor, ((IObjectCreationOperation)c.Operation).Arguments), OperationKind.ObjectCreation);
        });
    }

    private static void AnalyzeCall(OperationAnalysisContext context, LogSinks sinks, IMethodSymbol? method, ImmutableArray<IArgumentOperation> arguments)
    {
        if (method is null || arguments.IsEmpty || sinks.Destination(method) is not { } destination)
        {
            return;
        }

        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                Inspect(context, argument.Value, destination);
            }
        }
    }

    private static void Inspect(OperationAnalysisContext context, IOperation value, string destination)
    {
        value = ConstantText.Unwrap(value);
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                foreach (var element in initializer.ElementValues)
                {
                    Inspect(context, element, destination);
                }

                return;
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation interpolation)
                    {
                        Inspect(context, interpolation.Expression, destination);
                    }
                }

                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                Inspect(context, concatenation.LeftOperand, destination);
                Inspect(context, concatenation.RightOperand, destination);
                return;
        }

        if (SecretOf(value) is { } what)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.SecretLogged, value.Syntax.GetLocation(), what, destination));
        }
    }

    /// <summary>How the secret reads in the message (<c>"dbPassword"</c>), or null when the value is not a secret.</summary>
    private static string? SecretOf(IOperation value)
    {
        if (value.ConstantValue.HasValue)
        {
            return null;
        }

        if (value.Type?.ToDisplayString() == "System.Security.SecureString")
        {
            return "A SecureString";
        }

        switch (value)
        {
            case IPropertyReferenceOperation { Arguments.Length: 1 } indexer when IsConfiguration(indexer.Property.ContainingType) && ConstantText.TryGet(indexer.Arguments[0].Value, out var key):
                return IsCredentialKey(key) ? $"The configuration value \"{key}\"" : null;
            case IInvocationOperation invocation when invocation.TargetMethod.Name == "GetValue" && invocation.Arguments.Length > 0
                && ConstantText.TryGet(invocation.Arguments[invocation.Arguments.Length - 1].Value, out var key):
                return IsCredentialKey(key) && IsConfigurationCall(invocation) ? $"The configuration value \"{key}\"" : null;
            case IPropertyReferenceOperation property when property.Property.Name == "Password" && property.Property.ContainingType.ToDisplayString() == "System.Net.NetworkCredential":
                return "NetworkCredential.Password";
        }

        var symbol = value switch
        {
            ILocalReferenceOperation local => (ISymbol)local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation property => property.Property,
            _ => null,
        };

        return symbol is not null && CredentialSymbols.CanHoldSecret(value.Type) && CredentialSymbols.Classify(symbol.Name).IsCredential
            ? $"{CredentialSymbols.Describe(symbol)} \"{symbol.Name}\""
            : null;
    }

    private static bool IsCredentialKey(string key) => CredentialSymbols.Classify(CredentialSymbols.LastKeySection(key)).IsCredential;

    private static bool IsConfigurationCall(IInvocationOperation invocation)
    {
        var receiver = invocation.Instance?.Type ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value.Type : null);
        return IsConfiguration(receiver as INamedTypeSymbol);
    }

    private static bool IsConfiguration(INamedTypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (type.ToDisplayString() is "Microsoft.Extensions.Configuration.IConfiguration" or "Microsoft.Extensions.Configuration.IConfigurationSection" or "Microsoft.Extensions.Configuration.IConfigurationRoot")
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (implemented.ToDisplayString() == "Microsoft.Extensions.Configuration.IConfiguration")
            {
                return true;
            }
        }

        return false;
    }
}
