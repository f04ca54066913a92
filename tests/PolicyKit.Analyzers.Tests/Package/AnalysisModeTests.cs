using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyKit.Analyzers.Secrets;
using PolicyKit.Testing;

namespace PolicyKit.Analyzers.Tests.Package;

/// <summary>
/// The PolicyKitAnalysisMode presets are the global config files the package ships. These tests parse them with the
/// compiler's own AnalyzerConfigSet and apply the result as the compiler does: per-id severities through the syntax-tree
/// options, category-wide ones through the analyzer options.
/// </summary>
public sealed class AnalysisModeTests
{
    private const string Source = """
        class Settings
        {
            private const string DbPassword = "Zx9!mQ2#vL7pR4";
        }
        """;

    [Theory]
    [InlineData("default", DiagnosticSeverity.Warning)]
    [InlineData("strict", DiagnosticSeverity.Error)]
    public async Task A_preset_sets_the_severity_of_the_secrets_rules(string mode, DiagnosticSeverity expected)
    {
        var diagnostic = Assert.Single(await AnalyzeWithPresetAsync(mode));
        Assert.Equal("PK7001", diagnostic.Id);
        Assert.Equal(expected, diagnostic.Severity);
    }

    [Fact]
    public async Task The_none_preset_reports_nothing() => Assert.Empty(await AnalyzeWithPresetAsync("none"));

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeWithPresetAsync(string mode)
    {
        var path = RepositoryPaths.Combine("src", "Analyzers.Package", "build", "config", $"PolicyKit.{mode}.globalconfig");
        var config = AnalyzerConfig.Parse(File.ReadAllText(path), path);
        var options = AnalyzerConfigSet.Create(new[] { config }, out var problems).GlobalConfigOptions;
        Assert.Empty(problems);

        var tree = CSharpSyntaxTree.ParseText(Source, path: "/consumer/Settings.cs");
        var compilation = CSharpCompilation.Create("Consumer", new[] { tree }, Verify.MetadataReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary).WithSyntaxTreeOptionsProvider(new PresetTreeOptions(options.TreeOptions)));
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new PresetOptionsProvider(options.AnalyzerOptions));
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new HardCodedCredentialAnalyzer()), analyzerOptions)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).ToImmutableArray();
    }

    private sealed class PresetTreeOptions(ImmutableDictionary<string, ReportDiagnostic> severities) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            severities.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            severities.TryGetValue(diagnosticId, out severity);
    }

    private sealed class PresetOptionsProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly PresetOptions options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
    }

    private sealed class PresetOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);

        public override IEnumerable<string> Keys => values.Keys;
    }
}
