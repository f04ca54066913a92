using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;

namespace PolicyKit.Gate.Tests;

/// <summary>
/// A test of the Native AOT gate: skipped, with the reason, where this machine cannot publish one (Native AOT on Linux
/// needs a C compiler driver to link and zlib).
/// </summary>
public sealed class NativeGateFactAttribute : FactAttribute
{
    public NativeGateFactAttribute()
    {
        if (MissingToolchain() is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>Why the native gate cannot be published here, or null when it can.</summary>
    internal static string? MissingToolchain()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            return $"the native gate test publishes linux-x64 only; this is {RuntimeInformation.RuntimeIdentifier}";
        }

        if (!new[] { "clang", "gcc", "cc" }.Any(OnPath))
        {
            return "Native AOT needs clang or gcc to link, and neither is on PATH";
        }

        var zlib = new[] { "/usr/lib/x86_64-linux-gnu/libz.so", "/usr/lib64/libz.so", "/usr/lib/libz.so", "/lib/x86_64-linux-gnu/libz.so" };
        return zlib.Any(File.Exists) ? null : "Native AOT links zlib, and no libz.so (zlib1g-dev) was found";
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, tool)));
}
