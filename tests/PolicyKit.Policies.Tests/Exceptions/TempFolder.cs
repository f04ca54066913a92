using System;
using System.IO;
using PolicyKit.Policies.Configuration;

namespace PolicyKit.Policies.Tests.Exceptions;

/// <summary>A folder under the system temp folder, deleted when disposed; for tests that need real files (policy files, git).</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "policykit-exceptions-" + Guid.NewGuid().ToString("N").Substring(0, 12));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string text)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    /// <summary>Writes <c>policykit.yaml</c> and loads it as the CLI would, displayed by its absolute path.</summary>
    public PolicyConfig Policy(string yaml)
    {
        var file = Write(PolicyConfig.FileName, yaml);
        return PolicyConfigLoader.Load(file, file);
    }

    public void Dispose()
    {
        try
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
            {
                // git writes read-only object files.
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}
