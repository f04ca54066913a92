using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace PolicyKit.Bench;

/// <summary>What one fresh process cost, as the kernel accounts it when the process is reaped.</summary>
internal sealed record ProcessCost(double WallMs, double UserMs, double SystemMs, long PeakRssKb, int ExitCode, string StandardOutput, string StandardError)
{
    public double CpuMs => UserMs + SystemMs;
}

/// <summary>
/// Runs a program as a fresh process with <c>posix_spawn</c> and reaps it with <c>wait4</c>, whose resource usage gives
/// the child's own user and system CPU time and peak resident set (<c>ru_maxrss</c>). <see cref="Process"/> cannot give
/// these after exit (its <c>/proc</c> entry is gone), and sampling <c>/proc</c> while the child runs misses its end.
/// Linux only, like the rest of the cold mode.
/// </summary>
internal static class SpawnedProcess
{
    private const int OpenWriteOnly = 0x1;
    private const int OpenCreate = 0x40;
    private const int OpenTruncate = 0x200;

    /// <summary>glibc's <c>posix_spawn_file_actions_t</c> is 80 bytes on 64-bit Linux; room to spare.</summary>
    private const int FileActionsSize = 256;

    /// <exception cref="InvalidOperationException">The program could not be started or waited for.</exception>
    public static ProcessCost Run(string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var outputFile = Path.GetTempFileName();
        var errorFile = Path.GetTempFileName();
        var native = new List<IntPtr>();
        var fileActions = Marshal.AllocHGlobal(FileActionsSize);
        try
        {
            var argv = NullTerminated(new[] { program }.Concat(arguments), native);
            var environment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().Select(e => $"{e.Key}={e.Value}");
            var envp = NullTerminated(environment, native);
            Check(posix_spawn_file_actions_init(fileActions), "posix_spawn_file_actions_init");
            Check(posix_spawn_file_actions_addchdir_np(fileActions, Utf8(workingDirectory, native)), "posix_spawn_file_actions_addchdir_np");
            Check(posix_spawn_file_actions_addopen(fileActions, 1, Utf8(outputFile, native), OpenWriteOnly | OpenCreate | OpenTruncate, 0x1A4), "addopen stdout");
            Check(posix_spawn_file_actions_addopen(fileActions, 2, Utf8(errorFile, native), OpenWriteOnly | OpenCreate | OpenTruncate, 0x1A4), "addopen stderr");

            var clock = Stopwatch.StartNew();
            var spawned = posix_spawn(out var pid, Utf8(program, native), fileActions, IntPtr.Zero, argv, envp);
            if (spawned != 0)
            {
                throw new InvalidOperationException($"could not start {program}: error {spawned}");
            }

            int waited;
            ResourceUsage usage;
            int status;
            do
            {
                waited = wait4(pid, out status, 0, out usage);
            }
            while (waited == -1 && Marshal.GetLastPInvokeError() == 4); // EINTR

            clock.Stop();
            if (waited != pid)
            {
                throw new InvalidOperationException($"wait4 for {program} failed: error {Marshal.GetLastPInvokeError()}");
            }

            var exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
            return new ProcessCost(
                clock.Elapsed.TotalMilliseconds,
                Milliseconds(usage.UserSeconds, usage.UserMicroseconds),
                Milliseconds(usage.SystemSeconds, usage.SystemMicroseconds),
                usage.MaxResidentKb,
                exitCode,
                File.ReadAllText(outputFile),
                File.ReadAllText(errorFile));
        }
        finally
        {
            posix_spawn_file_actions_destroy(fileActions);
            Marshal.FreeHGlobal(fileActions);
            foreach (var pointer in native)
            {
                Marshal.FreeCoTaskMem(pointer);
            }

            File.Delete(outputFile);
            File.Delete(errorFile);
        }
    }

    private static double Milliseconds(long seconds, long microseconds) => (seconds * 1_000_000 + microseconds) / 1000.0;

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed: error {result}");
        }
    }

    private static IntPtr Utf8(string text, List<IntPtr> native)
    {
        var pointer = Marshal.StringToCoTaskMemUTF8(text);
        native.Add(pointer);
        return pointer;
    }

    private static IntPtr[] NullTerminated(IEnumerable<string> strings, List<IntPtr> native) =>
        strings.Select(s => Utf8(s, native)).Append(IntPtr.Zero).ToArray();

    [DllImport("libc", SetLastError = true)]
    private static extern int posix_spawn(out int pid, IntPtr path, IntPtr fileActions, IntPtr attributes, IntPtr[] argv, IntPtr[] envp);

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_init(IntPtr fileActions);

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_destroy(IntPtr fileActions);

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_addopen(IntPtr fileActions, int descriptor, IntPtr path, int flags, int mode);

    [DllImport("libc")]
    private static extern int posix_spawn_file_actions_addchdir_np(IntPtr fileActions, IntPtr path);

    [DllImport("libc", SetLastError = true)]
    private static extern int wait4(int pid, out int status, int options, out ResourceUsage usage);

    /// <summary><c>struct rusage</c> on 64-bit Linux: two <c>timeval</c>s, then fourteen longs starting with <c>ru_maxrss</c> (KB); only those are read.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 144)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentKb;
    }
}
