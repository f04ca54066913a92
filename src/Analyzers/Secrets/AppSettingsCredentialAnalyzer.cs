using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Analyzers.Secrets;

/// <summary>
/// PK7003: a credential in an application settings file given to the compiler as an additional file —
/// <c>appsettings*.json</c> (the package adds these by default), <c>secrets.json</c>-like files and <c>*.config</c>.
/// Values are judged by the engine under their key, so placeholders and empty values stay quiet as they do in YAML; the
/// diagnostic is located in the settings file itself.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AppSettingsCredentialAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.CredentialInAppSettings);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(Analyze);
    }

    /// <summary>Which settings files are judged, by file name.</summary>
    public static bool IsSettingsFile(string path)
    {
        var name = Path.GetFileName(path);
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase)
                || name.IndexOf("secrets", StringComparison.OrdinalIgnoreCase) >= 0
                || name.StartsWith("local.settings", StringComparison.OrdinalIgnoreCase);
        }

        return name.EndsWith(".config", StringComparison.OrdinalIgnoreCase) && !name.Equals("packages.config", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("nuget.config", StringComparison.OrdinalIgnoreCase);
    }

    private static void Analyze(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        if (!IsSettingsFile(path) || context.AdditionalFile.GetText(context.CancellationToken) is not { } source)
        {
            return;
        }

        var text = source.ToString();
        var values = path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? JsonSettingsReader.Read(text) : XmlConfigReader.Read(text);
        var fileName = Path.GetFileName(path);
        foreach (var setting in values)
        {
            var judged = SecretJudge.Judge(CredentialSymbols.Classify(setting.Key), setting.Value);
            if (!judged.IsFound || CredentialSymbols.IsSettingName(setting.Key, setting.Value) && !TokenScanner.TryFindFirst(setting.Value, out _))
            {
                continue;
            }

            var secret = judged.SecretIn(setting.Value);
            var raw = text.Substring(setting.Start, setting.Length);
            var at = raw.IndexOf(secret, StringComparison.Ordinal);
            var span = at >= 0 ? new TextSpan(setting.Start + at, secret.Length) : new TextSpan(setting.Start, setting.Length);
            var location = Location.Create(path, span, source.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CredentialInAppSettings, location, setting.Path, judged.Description, SecretMask.Mask(secret), fileName));
        }
    }
}
