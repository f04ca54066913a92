using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace PolicyKit.Bench;

/// <summary>The bench's command line. Parsed by hand: the harness should not depend on more than the engine does.</summary>
internal sealed class BenchOptions
{
    /// <summary>About 40 resources per tenant, so the default corpus holds about 10,000 resources.</summary>
    public const int DefaultTenants = 250;

    public const string Usage = """
        PolicyKit.Bench: generates a corpus of Odoo tenants and measures the engine against YamlDotNet parse-only time.

        usage: dotnet run -c Release --project bench/PolicyKit.Bench -- [options]

          --tenants N    tenants in the corpus (default 250, about 10,000 resources)
          --runs R       measured runs per mode; the median is reported (default 5)
          --processes P  measure each mode in P fresh processes and report the median one (default 3)
          --warmup W     unmeasured runs before them, at least (default 1); the first is reported as "first run"
          --warmup-seconds S
                         keep warming up until S seconds have passed too (default 3), so tiered compilation has
                         settled even on small corpora; 0 gives exactly W warm-up runs
          --scaling      also measure N/4, N/2 and 2N tenants and report time per resource
          --profile      also run the single-threaded phase breakdown (--mode profile) at N tenants
          --corpus DIR   corpus folder to create or reuse (default: <temp>/policykit-bench/corpus-v<format>-s<seed>)
          --seed S       generator seed (default 20240611)
          --packs A,B    rule packs the engine runs (default: every default pack, as policykit check runs without a policy file), e.g. core or core,pss to measure a pack's cost
          --max-wait S   before each measured process, wait up to S seconds for other work on the machine to stop
                         (default 120); what other processes used while measuring is reported either way
          --retries K    measure a mode again, up to K times (default 2), when other processes used more than 10 %
                         of the machine during it; the least disturbed attempt is kept

        fresh processes (--cold): the published native gate against a published parse-only program, alternating
          --cold         publish src/Gate (-r linux-x64, Native AOT) and bench/PolicyKit.ParseOnly (JIT), then time fresh
                         processes of each on the sample and on --cold-tenants corpora; --runs pairs per input
          --cold-tenants A,B,...
                         corpus sizes for --cold (default 25,250,2500: about 1k, 10k and 100k resources)
          --gate PATH    with --cold: this policykit executable instead of publishing one
          --parse-only PATH
                         with --cold: this parse-only executable instead of publishing one

        internal, used by the harness for its child processes (one fresh process per measured mode):
          --mode parse-serial|parse-parallel|engine|profile
        """;

    public int Tenants { get; private set; } = DefaultTenants;

    public int Runs { get; private set; } = 5;

    public int Warmups { get; private set; } = 1;

    public int MaxWaitSeconds { get; private set; } = 120;

    public double WarmupSeconds { get; private set; } = 3;

    public int Retries { get; private set; } = 2;

    public int Processes { get; private set; } = 3;

    public bool Scaling { get; private set; }

    public bool Profile { get; private set; }

    public int Seed { get; private set; } = CorpusGenerator.DefaultSeed;

    public string? CorpusArgument { get; private set; }

    public string? Mode { get; private set; }

    public bool Help { get; private set; }

    public bool Cold { get; private set; }

    public IReadOnlyList<int> ColdTenants { get; private set; } = new[] { 25, 250, 2500 };

    public string? GatePath { get; private set; }

    public string? ParseOnlyPath { get; private set; }

    /// <summary>The rule packs the engine mode runs: by default every pack the gate runs without a policy file.</summary>
    public IReadOnlyList<string> Packs { get; private set; } = BenchPolicy.DefaultPacks;

    public string Corpus => Path.GetFullPath(CorpusArgument ?? Path.Combine(
        Path.GetTempPath(),
        "policykit-bench",
        $"corpus-v{CorpusGenerator.FormatVersion.ToString(CultureInfo.InvariantCulture)}-s{Seed.ToString(CultureInfo.InvariantCulture)}"));

    /// <exception cref="ArgumentException">An option is unknown or its value is missing or invalid.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--tenants":
                    options.Tenants = PositiveInt(args, ref i);
                    break;
                case "--runs":
                    options.Runs = PositiveInt(args, ref i);
                    break;
                case "--warmup":
                    options.Warmups = PositiveInt(args, ref i);
                    break;
                case "--warmup-seconds":
                    options.WarmupSeconds = double.Parse(Value(args, ref i), NumberStyles.Float, CultureInfo.InvariantCulture);
                    break;
                case "--processes":
                    options.Processes = PositiveInt(args, ref i);
                    break;
                case "--retries":
                    options.Retries = int.Parse(Value(args, ref i), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--max-wait":
                    options.MaxWaitSeconds = PositiveInt(args, ref i);
                    break;
                case "--scaling":
                    options.Scaling = true;
                    break;
                case "--profile":
                    options.Profile = true;
                    break;
                case "--seed":
                    options.Seed = int.Parse(Value(args, ref i), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--corpus":
                    options.CorpusArgument = Value(args, ref i);
                    break;
                case "--packs":
                    options.Packs = Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--cold":
                    options.Cold = true;
                    break;
                case "--cold-tenants":
                    options.ColdTenants = Array.ConvertAll(
                        Value(args, ref i).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                        t => int.Parse(t, NumberStyles.Integer, CultureInfo.InvariantCulture));
                    break;
                case "--gate":
                    options.GatePath = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--parse-only":
                    options.ParseOnlyPath = Path.GetFullPath(Value(args, ref i));
                    break;
                case "--mode":
                    options.Mode = Value(args, ref i);
                    if (Array.IndexOf(Modes.All, options.Mode) < 0)
                    {
                        throw new ArgumentException($"--mode must be one of {string.Join(", ", Modes.All)}");
                    }

                    break;
                case "-h":
                case "--help":
                    options.Help = true;
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return options;
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count)
        {
            throw new ArgumentException($"{args[i]} needs a value");
        }

        return args[++i];
    }

    private static int PositiveInt(IReadOnlyList<string> args, ref int i)
    {
        var name = args[i];
        var text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new ArgumentException($"{name} must be a positive integer; '{text}' is not");
        }

        return value;
    }
}

/// <summary>The measured modes; each runs in its own child process so its peak memory is its own.</summary>
internal static class Modes
{
    public const string ParseSerial = "parse-serial";
    public const string ParseParallel = "parse-parallel";
    public const string Engine = "engine";
    public const string Profile = "profile";

    public static readonly string[] All = { ParseSerial, ParseParallel, Engine, Profile };
}
