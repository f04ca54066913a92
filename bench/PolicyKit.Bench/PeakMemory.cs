using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace PolicyKit.Bench;

/// <summary>
/// The process's own peak resident set. On Linux that is <c>VmHWM</c> in <c>/proc/self/status</c>, read by the
/// measured process itself at its end: a parent's <see cref="Process.PeakWorkingSet64"/> after exit is not reliable there.
/// </summary>
internal static class PeakMemory
{
    public static long ReadKilobytes()
    {
        const string StatusFile = "/proc/self/status";
        if (File.Exists(StatusFile))
        {
            foreach (var line in File.ReadLines(StatusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var digits = line.Substring("VmHWM:".Length).Trim();
                    var space = digits.IndexOf(' ');
                    return long.Parse(space < 0 ? digits : digits.Substring(0, space), NumberStyles.Integer, CultureInfo.InvariantCulture);
                }
            }
        }

        // Elsewhere (Windows, macOS) the runtime's own figure for the current process is the best available.
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1024;
    }
}
