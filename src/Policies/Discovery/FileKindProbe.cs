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

    private static bool statxMissing;

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

        if (!statxMissing && RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
        {
            try
            {
                var buffer = new byte[256];
                if (Statx(AtCurrentDirectory, path, 0, StatxType, buffer) == 0)
                {
                    var type = BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask;
                    return type switch
                    {
                        RegularType => FileKind.RegularFile,
                        FolderType => FileKind.Folder,
                        _ => FileKind.Special,
                    };
                }
            }
            catch (Exception exception) when (exception is EntryPointNotFoundException or DllNotFoundException)
            {
                statxMissing = true;
            }
        }

        return FileKind.RegularFile;
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int Statx(int directoryHandle, string path, int flags, uint mask, byte[] buffer);
}
