using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Gate.Output;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Reports;

namespace PolicyKit.ReportBench;

/// <summary>
/// Evaluates a generated set of deliberately bare workloads once (about 11 findings each), then writes the same result
/// as the JSON report and as the console report (every finding listed, and the default cap of 200) to a discarding
/// stream, several times each, and prints the median of each writer. Usage: <c>[resources] [runs]</c>, default 10000 7.
/// </summary>
internal static class Program
{
    private const int ResourcesPerFile = 100;

    public static int Main(string[] args)
    {
        var resources = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
        var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
#if DEBUG
        Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for figures worth recording");
#endif
        var sources = Enumerable.Range(0, (resources + ResourcesPerFile - 1) / ResourcesPerFile)
            .Select(file => ManifestSource.FromText($"tenants/t{file:D4}/workloads.yaml", Workloads(file, Math.Min(ResourcesPerFile, resources - (file * ResourcesPerFile)))))
            .ToList();
        var clock = Stopwatch.StartNew();
        var result = PolicyEngine.Evaluate(new EvaluationRequest(sources, PolicyConfig.Defaults(Directory.GetCurrentDirectory())) { Now = new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero) });
        Console.Out.WriteLine($"evaluated {resources} resources in {clock.ElapsedMilliseconds} ms: {result.Findings.Count} findings");

        var writers = new (string Name, Action<Stream> Write)[]
        {
            ("json", stream => JsonReportWriter.Write(result, ToolInfo.Engine, stream)),
            ("console, every finding (--max-findings 0)", stream => WriteConsole(result, stream, new ConsoleReportOptions(false, false, null, 0, false))),
            ("console, default cap (200)", stream => WriteConsole(result, stream, new ConsoleReportOptions(false, false, null, ConsoleReportOptions.DefaultMaxFindings, false))),
            ("console, every finding, coloured, linked, 120 columns", stream => WriteConsole(result, stream, new ConsoleReportOptions(true, true, 120, 0, false))),
        };

        Console.Out.WriteLine();
        Console.Out.WriteLine("| writer | median ms | fastest ms | bytes |");
        Console.Out.WriteLine("|---|---:|---:|---:|");
        foreach (var (name, write) in writers)
        {
            var counter = new CountingStream();
            write(counter);
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                var timer = Stopwatch.StartNew();
                write(new CountingStream());
                times.Add(timer.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {times[times.Count / 2]:F0} | {times[0]:F0} | {counter.Length:N0} |"));
        }

        return 0;
    }

    private static void WriteConsole(EvaluationResult result, Stream stream, ConsoleReportOptions options)
    {
        // As the gate writes a report to a file: UTF-8 without BOM, '\n' line ends, a 64 KiB buffer.
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true) { NewLine = "\n" };
        ConsoleReportWriter.Write(result, writer, options);
    }

    /// <summary>Bare Deployments: no digest, no resources, probes or security context, so each draws about a dozen findings.</summary>
    private static string Workloads(int file, int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: odoo-{file}-{i}
                  namespace: tenant-{file}
                spec:
                  selector:
                    matchLabels: {"{"} app: odoo {"}"}
                  template:
                    metadata:
                      labels: {"{"} app: odoo {"}"}
                    spec:
                      containers:
                        - name: odoo
                          image: odoo:17.0
                ---

                """);
        }

        return text.ToString();
    }

    /// <summary>Discards what is written and counts it, so the figures are the writers', not the disk's.</summary>
    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        private long length;

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;

        public override void WriteByte(byte value) => length++;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
