using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace PolicyKit.Bench;

/// <summary>
/// How busy the machine is apart from the measured process, from <c>/proc/stat</c>. Timings on a shared 2-core machine
/// mean little if a build runs beside them, so the harness waits for a quiet machine and reports what else ran.
/// </summary>
internal static class MachineLoad
{
    private const string StatFile = "/proc/stat";

    public static bool Available => File.Exists(StatFile);

    /// <summary>Busy and total time of all CPUs so far, in clock ticks (busy counts steal: time the VM did not get).</summary>
    public static (long Busy, long Total) Read()
    {
        if (!Available)
        {
            return (0, 0);
        }

        var fields = File.ReadLines(StatFile).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Take(8).Sum(); // user nice system idle iowait irq softirq steal (guest time is inside user)
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }

    /// <summary>The fraction of all CPUs busy between two readings.</summary>
    public static double BusyFraction((long Busy, long Total) before, (long Busy, long Total) after) =>
        after.Total == before.Total ? 0 : (double)(after.Busy - before.Busy) / (after.Total - before.Total);

    /// <summary>Waits until the machine is below <paramref name="threshold"/> busy over one second, or <paramref name="maxWait"/> passes.</summary>
    /// <returns>The last busy fraction seen.</returns>
    public static double WaitForQuiet(double threshold, TimeSpan maxWait)
    {
        if (!Available)
        {
            return double.NaN;
        }

        var deadline = DateTime.UtcNow + maxWait;
        var warned = false;
        while (true)
        {
            var before = Read();
            Thread.Sleep(1000);
            var busy = BusyFraction(before, Read());
            if (busy < threshold || DateTime.UtcNow >= deadline)
            {
                if (busy >= threshold)
                {
                    Console.Error.WriteLine($"  the machine is still {busy:P0} busy; measuring anyway (see the 'other load' column)");
                }

                return busy;
            }

            if (!warned)
            {
                Console.Error.WriteLine($"  the machine is {busy:P0} busy with other work; waiting up to {maxWait.TotalSeconds:F0} s for it to calm down...");
                warned = true;
            }
        }
    }
}
