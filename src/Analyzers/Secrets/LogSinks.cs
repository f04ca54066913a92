using Microsoft.CodeAnalysis;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// Methods whose arguments end up where people read them, found by metadata name: <c>ILogger</c> and its extension
/// methods, <c>[LoggerMessage]</c> methods, <c>Console</c>, <c>Console.Out</c>/<c>Error</c> writers, <c>Debug</c> and
/// <c>Trace</c>, and exception constructors (their message lands in logs and error pages).
/// </summary>
internal sealed class LogSinks
{
    private readonly INamedTypeSymbol? loggerExtensions;
    private readonly INamedTypeSymbol? logger;
    private readonly INamedTypeSymbol? loggerMessageAttribute;
    private readonly INamedTypeSymbol? console;
    private readonly INamedTypeSymbol? debug;
    private readonly INamedTypeSymbol? trace;
    private readonly INamedTypeSymbol? textWriter;
    private readonly INamedTypeSymbol? exception;

    public LogSinks(Compilation compilation)
    {
        loggerExtensions = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerExtensions");
        logger = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.ILogger");
        loggerMessageAttribute = compilation.GetTypeByMetadataName("Microsoft.Extensions.Logging.LoggerMessageAttribute");
        console = compilation.GetTypeByMetadataName("System.Console");
        debug = compilation.GetTypeByMetadataName("System.Diagnostics.Debug");
        trace = compilation.GetTypeByMetadataName("System.Diagnostics.Trace");
        textWriter = compilation.GetTypeByMetadataName("System.IO.TextWriter");
        exception = compilation.GetTypeByMetadataName("System.Exception");
    }

    /// <summary>Where a call to <paramref name="method"/> writes, as it reads in a message ("a log", "the console"), or null.</summary>
    public string? Destination(IMethodSymbol method)
    {
        var type = method.ContainingType;
        if (Is(type, loggerExtensions) || Is(type, logger) || HasLoggerMessageAttribute(method))
        {
            return "a log";
        }

        if (Is(type, console))
        {
            return method.Name.StartsWith("Write", System.StringComparison.Ordinal) ? "the console" : null;
        }

        if (Is(type, debug) || Is(type, trace))
        {
            return "the trace output";
        }

        if (textWriter is not null && method.Name.StartsWith("Write", System.StringComparison.Ordinal) && DerivesFrom(type, textWriter))
        {
            return "a text writer";
        }

        if (method.MethodKind == MethodKind.Constructor && exception is not null && DerivesFrom(type, exception))
        {
            return "an exception message";
        }

        return null;
    }

    private bool HasLoggerMessageAttribute(IMethodSymbol method)
    {
        // [LoggerMessage] methods return void; reading the attributes of every other method called would cost more.
        if (loggerMessageAttribute is null || !method.ReturnsVoid || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        foreach (var attribute in (method.PartialDefinitionPart ?? method).GetAttributes())
        {
            if (Is(attribute.AttributeClass, loggerMessageAttribute))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, expected);

    private static bool DerivesFrom(INamedTypeSymbol? type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
