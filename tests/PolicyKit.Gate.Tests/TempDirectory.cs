using System;
using System.IO;
using System.Text;
using System.Threading;

namespace PolicyKit.Gate.Tests;

/// <summary>A fresh folder per test, holding the files the gate checks; deleted when the test ends.</summary>
internal sealed class TempDirectory : IDisposable
{
    /// <summary>
    /// The gate looks for <c>policykit.yaml</c> from the checked path up to the file-system root. Every test folder gets
    /// its own (the built-in defaults spelled out), so a policy file somewhere above the temp folder cannot change a result.
    /// </summary>
    public const string DefaultPolicy = "# The built-in defaults, so that no policy file above this folder applies.\nfailOn: high\n";

    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policykit-gate-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        Write("policykit.yaml", DefaultPolicy);
    }

    public string Path { get; }

    /// <summary>Writes UTF-8 text (no byte order mark, <c>\n</c> line ends) and returns the file's full path.</summary>
    public string Write(string relativePath, string text) =>
        Write(relativePath, new UTF8Encoding(false).GetBytes(text.Replace("\r\n", "\n")));

    public string Write(string relativePath, byte[] bytes)
    {
        var full = Combine(relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    public string ReadText(string relativePath) => File.ReadAllText(Combine(relativePath));

    public byte[] ReadBytes(string relativePath) => File.ReadAllBytes(Combine(relativePath));

    /// <summary>Runs <c>policykit ARGS</c> with this folder as the working directory.</summary>
    public PolicyKitResult Run(params string[] arguments) => PolicyKitProcess.Run(arguments, Path);

    /// <summary>Runs <c>policykit ARGS</c> here with <paramref name="standardInput"/> piped in.</summary>
    public PolicyKitResult RunWithInput(string standardInput, params string[] arguments) =>
        PolicyKitProcess.Run(arguments, Path, new UTF8Encoding(false).GetBytes(standardInput));

    public void Dispose()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (Directory.Exists(Path))
                {
                    Directory.Delete(Path, recursive: true);
                }

                return;
            }
            catch (IOException) when (attempt < 5)
            {
                // A just-exited process can hold a handle for a moment on some systems.
                Thread.Sleep(100 * attempt);
            }
            catch (UnauthorizedAccessException) when (attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
        }
    }
}
