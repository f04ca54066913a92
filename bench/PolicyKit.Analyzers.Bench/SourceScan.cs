using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace PolicyKit.Analyzers.Bench;

/// <summary>
/// Runs every PolicyKit analyzer over a source tree nobody here wrote: all <c>*.cs</c> files (without <c>bin/</c>, <c>obj/</c>)
/// compiled as two libraries — test folders with <c>IsTestProject=true</c>, as their projects would be, the rest without —
/// against this runtime, Microsoft.Extensions.Logging/Configuration.Abstractions and KubernetesClient, with the tree's
/// <c>appsettings*.json</c> and <c>*.config</c> files as additional files. Prints every diagnostic (messages are masked
/// by the analyzers) and the counts, for judging each one by hand.
/// </summary>
internal static class SourceScan
{
    public static int Run(string root)
    {
        root = Path.GetFullPath(root);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f, root))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var watch = Stopwatch.StartNew();
        var sources = 0;
        foreach (var isTest in new[] { false, true })
        {
            var group = files.Where(f => IsTest(f, root) == isTest).ToList();
            var trees = group.Where(f => f.EndsWith(".cs", StringComparison.Ordinal))
                .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Preview), f))
                .ToList();
            sources += trees.Count;
            var additional = group.Where(IsSettings).Select(f => (AdditionalText)new FileText(f)).ToImmutableArray();
            var compilation = CSharpCompilation.Create(isTest ? "Tests" : "Sources", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var options = new AnalyzerOptions(additional, new ProjectOptions(isTest));
            var diagnostics = compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            foreach (var diagnostic in diagnostics.Where(d => d.Id.StartsWith("PK", StringComparison.Ordinal) || d.Id == "AD0001")
                         .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
            {
                var span = diagnostic.Location.GetLineSpan();
                Console.WriteLine($"{(isTest ? "test" : "src ")} {diagnostic.Id} {Path.GetRelativePath(root, span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage()}");
                var key = (isTest ? "test " : "src ") + diagnostic.Id;
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        Console.WriteLine($"# {sources} C# files, {files.Count(IsSettings)} settings files, {watch.Elapsed.TotalSeconds:F1} s");
        foreach (var (key, count) in counts)
        {
            Console.WriteLine($"# {key}: {count}");
        }

        return 0;
    }

    private static bool IsBuildOutput(string path, string root)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.StartsWith(".git/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal)
            || relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }

    private static bool IsTest(string path, string root)
    {
        foreach (var segment in Path.GetRelativePath(root, path).Replace('\\', '/').Split('/'))
        {
            if (segment is "test" or "tests" || segment.EndsWith(".Test", StringComparison.Ordinal) || segment.EndsWith(".Tests", StringComparison.Ordinal)
                || segment.EndsWith(".IntegrationTest", StringComparison.Ordinal) || segment.EndsWith(".IntegrationTests", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSettings(string path) =>
        (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".config", StringComparison.OrdinalIgnoreCase))
        && PolicyKit.Analyzers.Secrets.AppSettingsCredentialAnalyzer.IsSettingsFile(path);

    private static IEnumerable<MetadataReference> References() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Concat(new[]
            {
                typeof(k8s.Models.V1Pod).Assembly.Location,
                typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location,
                typeof(Microsoft.Extensions.Configuration.IConfiguration).Assembly.Location,
            })
            .Distinct(StringComparer.Ordinal)
            .Select(p => MetadataReference.CreateFromFile(p));

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path), Encoding.UTF8);
    }

    private sealed class ProjectOptions(bool isTest) : AnalyzerConfigOptionsProvider
    {
        private readonly Options options = new(isTest);

        public override AnalyzerConfigOptions GlobalOptions => options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;

        private sealed class Options(bool isTest) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, out string value)
            {
                value = isTest ? "true" : "false";
                return key == "build_property.IsTestProject";
            }
        }
    }
}
