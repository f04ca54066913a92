using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Tells regular files from devices, FIFOs and sockets without opening them: opening a FIFO blocks until a writer
/// comes and reading <c>/dev/zero</c> never ends. .NET reports all three as ordinary files, so on Linux the file type is
/// read with <c>statx</c>, whose layout is the same on every architecture.
/// </summary>
internal static class FileKindProbe
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;
    private const int FolderType = 0x4000;
    private const int LinkType = 0xA000;
    private const int NoFollow = 0x100;

    private static bool statxMissing;

    // statx's answer, one buffer per thread: a walk probes every entry, often twice.
    [ThreadStatic]
    private static byte[]? statxBuffer;

    /// <summary>The kind of <paramref name="path"/>, following links.</summary>
    public static FileKind Probe(string path)
    {
        if (Directory.Exists(path))
        {
            return FileKind.Folder;
        }

        if (!File.Exists(path))
        {
            return FileKind.Missing;
        }

        return TypeOf(path, follow: true) switch
        {
            null => FileKind.RegularFile,
            RegularType => FileKind.RegularFile,
            FolderType => FileKind.Folder,
            _ => FileKind.Special,
        };
    }

    /// <summary>
    /// What a listed entry is in itself, not following a link, in one system call: a walk probes every file, and the
    /// portable way (link check, then existence, then type) takes five. False when it cannot be told that cheaply (not
    /// Linux, no <c>statx</c>, or the entry went away), and the caller takes the portable way.
    /// </summary>
    /// <param name="path">The entry's full path.</param>
    /// <param name="kind">The entry's kind when it is not a link.</param>
    /// <param name="isLink">Whether the entry is a symbolic link, whose target is not probed.</param>
    public static bool TryProbeEntry(string path, out FileKind kind, out bool isLink)
    {
        var type = TypeOf(path, follow: false);
        isLink = type == LinkType;
        kind = type switch
        {
            RegularType => FileKind.RegularFile,
            FolderType => FileKind.Folder,
            _ => FileKind.Special,
        };
        return type is not null;
    }

    /// <summary>The <c>S_IFMT</c> bits of the path's mode, or null when <c>statx</c> is unavailable or fails.</summary>
    private static int? TypeOf(string path, bool follow)
    {
        if (statxMissing || !RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            return null;
        }

        try
        {
            var buffer = statxBuffer ??= new byte[256];
            return Statx(AtCurrentDirectory, path, follow ? 0 : NoFollow, StatxType, buffer) == 0
                ? BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask
                : null;
        }
        catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
        {
            statxMissing = true;
            return null;
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Statx(int directoryHandle, string path, int flags, uint mask, byte[] buffer);
}
