using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Analyzers.Engine;

namespace PolicyKit.Analyzers.Manifests;

/// <summary>
/// Kubernetes manifests and Odoo configurations given to the compiler as additional files (metadata
/// <c>PolicyKitInput="manifest"</c>, which the package's default discovery sets) are judged by the engine, each file on its
/// own, and every finding is reported in the file itself with the engine's rule id and message. When the project also
/// references PolicyKit.Build (property <c>PolicyKitBuildReportsManifests</c> is true) the build task reports manifests
/// and this analyzer stays quiet, so a finding is never reported twice.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ManifestAnalyzer : DiagnosticAnalyzer
{
    public const string InputMetadata = "build_metadata.AdditionalFiles.PolicyKitInput";
    public const string BuildReportsManifests = "build_property.PolicyKitBuildReportsManifests";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => EngineRules.Descriptors.Values.ToImmutableArray();

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (AnalyzerSettings.IsGlobalSet(start.Options, BuildReportsManifests))
            {
                return;
            }

            start.RegisterAdditionalFileAction(Analyze);
        });
    }

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        var file = context.AdditionalFile;
        if (!context.Options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(InputMetadata, out var input)
            || !string.Equals(input, "manifest", StringComparison.OrdinalIgnoreCase)
            || file.GetText(context.CancellationToken) is not { } source)
        {
            return;
        }

        foreach (var finding in EngineRunner.Evaluate(file.Path, source.ToString()))
        {
            var span = SpanOf(source, finding.Line, finding.Column);
            var location = Location.Create(file.Path, span, source.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(EngineRules.Descriptors[finding.RuleId], location, finding.Message));
        }
    }

    /// <summary>From the finding's column to the end of its token: a scalar, a key, or the rest of the line before a comment.</summary>
    internal static TextSpan SpanOf(SourceText source, int line, int column)
    {
        if (line < 1 || line > source.Lines.Count)
        {
            return new TextSpan(0, 0);
        }

        var text = source.Lines[line - 1];
        var start = Math.Min(text.Start + Math.Max(column - 1, 0), text.End);
        var end = start;
        var content = source.ToString(TextSpan.FromBounds(start, text.End));
        var comment = content.IndexOf(" #", StringComparison.Ordinal);
        end += (comment >= 0 ? content.Substring(0, comment) : content).TrimEnd().Length;
        return TextSpan.FromBounds(start, end);
    }
}
