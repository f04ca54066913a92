using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;

namespace PolicyKit.Bench;

/// <summary>
/// Entry point. Without <c>--mode</c> this is the harness: it makes sure the corpus exists, runs every measured mode
/// in fresh child processes of itself (<c>--processes</c> of them, re-measuring those other work disturbed), checks
/// that all modes saw the same corpus and that the engine found the planted violations, and prints Markdown tables
/// and the verdict on each target. With <c>--mode</c> it is one of those children.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or OverflowException)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            Console.Error.WriteLine(BenchOptions.Usage);
            return 2;
        }

        if (options.Help)
        {
            Console.Out.WriteLine(BenchOptions.Usage);
            return 0;
        }

        if (options.Cold)
        {
            return ColdHarness.Run(options);
        }

        return options.Mode is null ? Harness(options) : ChildMode.Run(options);
    }

    private static int Harness(BenchOptions options)
    {
#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for figures worth recording");
#endif
        var sizes = options.Scaling
            ? new[] { Math.Max(1, options.Tenants / 4), Math.Max(1, options.Tenants / 2), options.Tenants, options.Tenants * 2 }.Distinct().ToArray()
            : new[] { options.Tenants };

        var corpus = options.Corpus;
        var loadBefore = Report.ReadLoadAverage();
        var clock = Stopwatch.StartNew();
        var written = new CorpusGenerator(options.Seed).EnsureCorpus(corpus, sizes.Max());
        Console.Error.WriteLine(written == 0
            ? $"corpus: reusing {corpus}"
            : $"corpus: wrote {written} tenants to {corpus} in {clock.Elapsed.TotalSeconds:F1} s");

        var results = new List<SizeResult>();
        foreach (var tenants in sizes)
        {
            Console.Error.WriteLine($"measuring {tenants} tenants ({options.Processes} fresh processes per mode, each {options.Runs} runs after warm-up)...");
            var parseSerial = ChildProcess.RunMedianProcess(Modes.ParseSerial, options, tenants);
            var parseParallel = ChildProcess.RunMedianProcess(Modes.ParseParallel, options, tenants);
            var engine = ChildProcess.RunMedianProcess(Modes.Engine, options, tenants);
            CheckSameCorpus(parseSerial, parseParallel, engine);
            // The corpus plants violations of core rules only; other packs (pss, secrets) find more on top of them.
            var expected = options.Packs.SequenceEqual(new[] { BenchPolicy.Pack })
                ? Enumerable.Range(0, tenants).Sum(i => new TenantSpec(i, options.Seed).ExpectedRuleIds().Count())
                : -1;
            if (expected >= 0 && engine.Findings != expected)
            {
                Console.Error.WriteLine($"warning: the engine reported {engine.Findings} findings; the corpus holds {expected} deliberate violations");
            }

            results.Add(new SizeResult(tenants, parseSerial, parseParallel, engine, expected));
        }

        Measurement? profile = null;
        if (options.Profile)
        {
            Console.Error.WriteLine($"profiling {options.Tenants} tenants on one thread...");
            profile = ChildProcess.RunUndisturbed(Modes.Profile, options, options.Tenants);
        }

        Console.Out.Write(Report.Render(options, corpus, results, profile, loadBefore));
        return 0;
    }

    private static void CheckSameCorpus(Measurement parseSerial, Measurement parseParallel, Measurement engine)
    {
        // The engine judges each tenant's overlay as one built source, the parse-only passes read every file: only the
        // two parses can be compared file for file; the engine must have judged the corpus's objects.
        if (parseSerial.Files != parseParallel.Files || parseSerial.Documents != parseParallel.Documents || engine.Resources == 0 || engine.Resources > parseSerial.Documents)
        {
            throw new InvalidOperationException(string.Format(
                CultureInfo.InvariantCulture,
                "the modes saw different corpora: parse {0} files / {1} documents, parallel parse {2} / {3}, engine {4} files / {5} resources",
                parseSerial.Files,
                parseSerial.Documents,
                parseParallel.Files,
                parseParallel.Documents,
                engine.Files,
                engine.Resources));
        }

        if (parseSerial.ParseErrors + parseParallel.ParseErrors > 0)
        {
            throw new InvalidOperationException("YamlDotNet rejected files of the generated corpus; the generator is broken");
        }
    }
}
