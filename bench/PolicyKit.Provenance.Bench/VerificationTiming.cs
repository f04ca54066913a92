using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using PolicyKit.Bench;
using PolicyKit.Provenance.Bundles;
using PolicyKit.Provenance.Trust;
using PolicyKit.Provenance.Verification;

namespace PolicyKit.Provenance.Bench;

/// <summary>
/// Verifies one bundle many times in a warm process and reports wall time and CPU time per verification. Each run
/// parses the bundle and verifies it from scratch with a new verifier, as the gate does once per distinct digest; the
/// trusted root is read once per process, as in the gate.
/// </summary>
internal static class VerificationTiming
{
    private const int WarmupRuns = 300;

    public static int Run(string bundlePath, string artifactText, string? trustedRootPath, int runs)
    {
        var bundleBytes = File.ReadAllBytes(bundlePath);
        var artifact = Artifact.FromDigest(artifactText) ?? Artifact.FromContent(File.ReadAllBytes(artifactText));
        var root = trustedRootPath is null ? TrustedRootParser.PublicGood : TrustedRootParser.Parse(File.ReadAllBytes(trustedRootPath));
        void VerifyOnce() => new BundleVerifier(root).Verify(BundleParser.Parse(bundleBytes), artifact);

        var firstCpuStart = ThreadCpuClock.Nanoseconds();
        var first = Stopwatch.StartNew();
        VerifyOnce();
        var firstWall = first.Elapsed.TotalMilliseconds;
        var firstCpu = (ThreadCpuClock.Nanoseconds() - firstCpuStart) / 1e6;
        for (var i = 1; i < WarmupRuns; i++)
        {
            VerifyOnce();
        }

        var wall = new double[runs];
        var cpu = new double[runs];
        var process = Process.GetCurrentProcess();
        var processCpuBefore = process.TotalProcessorTime;
        var machineBefore = MachineLoad.Read();
        var total = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var cpuStart = ThreadCpuClock.Nanoseconds();
            var start = Stopwatch.GetTimestamp();
            VerifyOnce();
            wall[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[i] = (ThreadCpuClock.Nanoseconds() - cpuStart) / 1e6;
        }

        total.Stop();
        process.Refresh();
        var processCpu = (process.TotalProcessorTime - processCpuBefore).TotalMilliseconds;
        var machineBusy = MachineLoad.BusyFraction(machineBefore, MachineLoad.Read());
        var ownShare = processCpu / (total.Elapsed.TotalMilliseconds * Environment.ProcessorCount);
        Array.Sort(wall);
        Array.Sort(cpu);

        var name = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(bundlePath))) + "/" + Path.GetFileName(bundlePath);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {runs} warm verifications after {WarmupRuns} warm-up"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first (cold, JIT included) ms: wall {firstWall:F1}, thread CPU {firstCpu:F1}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wall ms:        median {Percentile(wall, 0.5):F3}  p90 {Percentile(wall, 0.9):F3}  mean {wall.Average():F3}"));
        if (ThreadCpuClock.Available)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  thread CPU ms:  median {Percentile(cpu, 0.5):F3}  p90 {Percentile(cpu, 0.9):F3}  mean {cpu.Average():F3}"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  process CPU ms per verification (all threads, GC included): {processCpu / runs:F3}"));
        if (MachineLoad.Available)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  other processes used {Math.Max(0, machineBusy - ownShare):P0} of the machine's {Environment.ProcessorCount} CPUs meanwhile"));
        }

        return 0;
    }

    private static double Percentile(double[] sorted, double fraction) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * fraction))];
}
