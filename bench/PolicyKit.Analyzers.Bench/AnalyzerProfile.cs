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
/// Where the analyzers' time goes, without MSBuild around it: compiles a generated project (see
/// <see cref="SolutionGenerator"/>) in this process, emits it once without analyzers (the compile time the analyzers
/// are compared with), then runs every PolicyKit analyzer on one thread with Roslyn's execution-time log, several times.
/// The first run pays the engine's one-time start, as the first compilation in a compiler process does; the later runs
/// show the steady per-compilation cost. A diagnostic tool for changing the analyzers; the recorded figure is the real
/// build's (docs/performance.md).
/// </summary>
internal static class AnalyzerProfile
{
    public static int Run(string directory, int runs)
    {
        directory = Path.GetFullPath(directory);
        var trees = Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f), Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Preview), f))
            .ToList();
        var additional = Directory.EnumerateFiles(directory, "appsettings*.json")
            .Select(f => (AdditionalText)new FileText(f, "appsettings"))
            .Concat(Directory.Exists(Path.Combine(directory, "deploy"))
                ? Directory.EnumerateFiles(Path.Combine(directory, "deploy"), "*.yaml").Select(f => (AdditionalText)new FileText(f, "manifest"))
                : Enumerable.Empty<AdditionalText>())
            .ToImmutableArray();
        var compilation = CSharpCompilation.Create("Generated", trees, References(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false))
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText("global using System; global using System.Collections.Generic; global using System.Linq; global using System.Net.Http; global using System.Threading; global using System.Threading.Tasks;", new CSharpParseOptions(LanguageVersion.Preview), "GlobalUsings.cs"));

        var emit = Stopwatch.StartNew();
        var emitted = compilation.Emit(Stream.Null);
        emit.Stop();
        var errors = emitted.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        Console.WriteLine($"# {trees.Count} C# files, {additional.Length} additional files; compile and emit without analyzers, one thread: {emit.Elapsed.TotalMilliseconds:F0} ms ({errors} errors)");

        var analyzers = typeof(RuleIdentifiers).Assembly.GetTypes()
            .Where(t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var times = analyzers.ToDictionary(a => a.GetType().Name, _ => new List<double>());
        for (var run = 0; run < runs; run++)
        {
            // A fresh compilation each run, as each build has: nothing cached on the old one carries over.
            var fresh = compilation.Clone();
            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional, new ManifestOptions()), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
            var withAnalyzers = fresh.WithAnalyzers(analyzers, options);
            var wall = Stopwatch.StartNew();
            var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            wall.Stop();
            var line = new StringBuilder($"run {run + 1}: {diagnostics.Length} diagnostics, {wall.Elapsed.TotalMilliseconds:F0} ms wall (includes the binding they share with the compiler)");
            foreach (var analyzer in analyzers)
            {
                var telemetry = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                times[analyzer.GetType().Name].Add(telemetry.ExecutionTime.TotalMilliseconds);
            }

            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine("| analyzer | first run (ms) | median of later runs (ms) |");
        Console.WriteLine("|---|---|---|");
        foreach (var (name, values) in times.OrderByDescending(t => t.Value.Sum()))
        {
            var later = values.Skip(1).OrderBy(v => v).ToList();
            var median = later.Count == 0 ? double.NaN : later[later.Count / 2];
            Console.WriteLine($"| {name} | {values[0]:F0} | {median:F0} |");
        }

        var firstTotal = times.Values.Sum(v => v[0]);
        var laterTotals = Enumerable.Range(1, runs - 1).Select(r => times.Values.Sum(v => v[r])).OrderBy(v => v).ToList();
        Console.WriteLine($"| all | {firstTotal:F0} | {(laterTotals.Count == 0 ? double.NaN : laterTotals[laterTotals.Count / 2]):F0} |");
        return 0;
    }

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

    /// <summary>An additional file with the <c>PolicyKitInput</c> metadata the package's discovery gives it.</summary>
    private sealed class FileText(string path, string input) : AdditionalText
    {
        public override string Path { get; } = path;

        public string Input { get; } = input;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path), Encoding.UTF8);
    }

    private sealed class ManifestOptions : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions => Values.None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values.None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            textFile is FileText file ? new Values("build_metadata.AdditionalFiles.PolicyKitInput", file.Input) : Values.None;

        private sealed class Values(string? key, string? value) : AnalyzerConfigOptions
        {
            public static readonly Values None = new(null, null);

            public override bool TryGetValue(string name, out string result)
            {
                result = value ?? string.Empty;
                return key is not null && name == key;
            }
        }
    }
}
