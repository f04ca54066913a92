using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using PolicyKit.Testing;

namespace PolicyKit.Gate.Tests.Metrics;

/// <summary>
/// The demo history of samples/metrics-demo (built once by its own script) and the gate's five metric reports of it,
/// written by one real <c>policykit metrics</c> run with one --output per format.
/// </summary>
public sealed class MetricsDemo : IDisposable
{
    public static readonly string[] Formats = { "json", "openmetrics", "markdown", "html", "csv" };

    private readonly string root = Path.Combine(Path.GetTempPath(), "policykit-metrics-demo-" + Guid.NewGuid().ToString("N"));

    public MetricsDemo()
    {
        System.IO.Directory.CreateDirectory(root);
        var script = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        script.ArgumentList.Add(RepositoryPaths.Combine("samples", "metrics-demo", "build-history.sh"));
        script.ArgumentList.Add("demo");
        using (var process = Process.Start(script)!)
        {
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("build-history.sh failed: " + error.Result);
            }
        }

        Directory = Path.Combine(root, "demo");
        var arguments = new List<string> { "metrics", "repo", "--vulnerabilities", "scans" };
        foreach (var format in Formats)
        {
            arguments.AddRange(new[] { "--format", format, "--output", Path.Combine("out", "metrics." + Extension(format)) });
        }

        Run = PolicyKitProcess.Run(arguments, Directory);
        foreach (var format in Formats)
        {
            var file = Path.Combine(Directory, "out", "metrics." + Extension(format));
            Reports[format] = File.Exists(file) ? File.ReadAllText(file) : string.Empty;
        }
    }

    /// <summary>The folder holding <c>repo</c> (the history) and <c>scans</c> (the scan reports).</summary>
    public string Directory { get; }

    internal PolicyKitResult Run { get; }

    public Dictionary<string, string> Reports { get; } = new(StringComparer.Ordinal);

    public static string Extension(string format) => format switch
    {
        "openmetrics" => "prom",
        "markdown" => "md",
        _ => format,
    };

    public void Dispose()
    {
        try
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            System.IO.Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder must not fail the run.
        }
    }
}
