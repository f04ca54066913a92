using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace PolicyKit.Analyzers.Tests;

/// <summary>
/// Runs analyzers and code fixes over test sources compiled against this test run's own .NET runtime, KubernetesClient
/// and Microsoft.Extensions.Logging.Abstractions, so no reference-assembly package has to be downloaded.
/// </summary>
internal static class Verify
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(new[] { typeof(k8s.Models.V1Pod).Assembly.Location, typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location })
            .Distinct(StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static ImmutableArray<MetadataReference> MetadataReferences => References.Value;

    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static async Task AnalyzerAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = Analyzer<TAnalyzer>(source);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    public static AnalyzerTest<TAnalyzer> Analyzer<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = source };
        Configure(test);
        return test;
    }

    public static async Task CodeFixAsync<TAnalyzer, TCodeFix>(string source, string fixedSource, int? iterations = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> { TestCode = source, FixedCode = fixedSource };
        Configure(test);
        if (iterations is { } count)
        {
            test.NumberOfFixAllIterations = count;
        }

        await test.RunAsync();
    }

    /// <summary>Adds an additional file with the metadata the package's default discovery gives it.</summary>
    public static void AddAdditionalFile<TAnalyzer>(AnalyzerTest<TAnalyzer> test, string path, string text, string? input = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        test.TestState.AdditionalFiles.Add((path, text));
        if (input is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(($"/{Path.GetFileName(path)}.globalconfig", $"is_global = true\n\n[{path}]\nbuild_metadata.AdditionalFiles.PolicyKitInput = {input}\n"));
        }
    }

    public static void SetGlobalOption<TAnalyzer>(AnalyzerTest<TAnalyzer> test, string key, string value)
        where TAnalyzer : DiagnosticAnalyzer, new() =>
        test.TestState.AnalyzerConfigFiles.Add(($"/{key}.globalconfig", $"is_global = true\n{key} = {value}\n"));

    private static void Configure<TTest>(TTest test)
        where TTest : Microsoft.CodeAnalysis.Testing.AnalyzerTest<DefaultVerifier>
    {
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.TestState.AdditionalReferences.AddRange(References.Value);
    }
}

/// <summary>An analyzer test whose sources compile against the test run's runtime.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
}
