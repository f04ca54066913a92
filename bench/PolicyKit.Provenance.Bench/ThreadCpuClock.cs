using System;
using System.Runtime.InteropServices;

namespace PolicyKit.Provenance.Bench;

/// <summary>
/// CPU time the calling thread has used, in nanoseconds (Linux <c>CLOCK_THREAD_CPUTIME_ID</c>). Unlike wall time it
/// does not grow while other processes hold the CPU, which on a shared machine is the difference that matters.
/// </summary>
internal static class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    public static bool Available { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    public static long Nanoseconds() => TryRead(out var value) ? value : 0;

    private static bool TryRead(out long nanoseconds)
    {
        nanoseconds = 0;
        try
        {
            if (clock_gettime(ThreadCpuTimeId, out var time) != 0)
            {
                return false;
            }

            nanoseconds = (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
