using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PolicyKit.Policies.Secrets;

namespace PolicyKit.Policies.Discovery;

/// <summary>
/// Runs a renderer (<c>kubectl</c>, <c>kustomize</c>, <c>helm</c>) found on the search path, under a time limit and an
/// output limit: the tree it reads belongs to whoever wrote the change, so it must not be able to hang or flood the gate.
/// </summary>
internal sealed class ExternalTool
{
    private ExternalTool(string path) => Path = path;

    public string Path { get; }

    public static ExternalTool? Find(string name, string? searchPath)
    {
        var folders = (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(new[] { System.IO.Path.PathSeparator }, StringSplitOptions.RemoveEmptyEntries);
        var fileName = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? name + ".exe" : name;
        return folders.Select(f => System.IO.Path.Combine(f, fileName)).Where(File.Exists).Select(p => new ExternalTool(p)).FirstOrDefault();
    }

    public ToolRun Run(string[] arguments, string workingDirectory, DiscoveryOptions options)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        start.Arguments = string.Join(" ", arguments.Select(Quote));

        // Plugins are found through these variables; the gate runs none.
        start.Environment.Remove("KUSTOMIZE_PLUGIN_HOME");
        start.Environment.Remove("XDG_CONFIG_HOME");
        start.Environment.Remove("HELM_PLUGINS");

        using var process = Process.Start(start) ?? throw new IOException($"{Path} could not be started");
        process.StandardInput.Close();
        var output = new MemoryStream();
        var overflowed = false;
        var reader = Task.Run(() =>
        {
            var buffer = new byte[81920];
            var stream = process.StandardOutput.BaseStream;
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (output.Length + read > options.MaxToolOutputBytes)
                {
                    overflowed = true;
                    return;
                }

                output.Write(buffer, 0, read);
            }
        });
        var errors = process.StandardError.ReadToEndAsync();
        var finished = reader.Wait(options.ToolTimeout) && !overflowed && process.WaitForExit((int)options.ToolTimeout.TotalMilliseconds);
        if (!finished)
        {
            try
            {
#if NET
                process.Kill(entireProcessTree: true);
#else
                process.Kill();
#endif
            }
            catch (InvalidOperationException)
            {
                // It exited on its own meanwhile.
            }

            process.WaitForExit();
            var why = overflowed ? $"it wrote more than {options.MaxToolOutputBytes} bytes" : $"it ran longer than {options.ToolTimeout.TotalSeconds:0} seconds";
            return new ToolRun(-1, Array.Empty<byte>(), why);
        }

        return new ToolRun(process.ExitCode, output.ToArray(), errors.Result);
    }

    private static string Quote(string argument) =>
        argument.IndexOfAny(new[] { ' ', '"', '\t' }) < 0 ? argument : "\"" + argument.Replace("\"", "\\\"") + "\"";
}

/// <summary>What a renderer run produced.</summary>
internal sealed record ToolRun(int ExitCode, byte[] Output, string Errors)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The renderer's complaint, first line only, without the scratch folder it ran in and with secrets masked.</summary>
    public string Message(string scratchFolder)
    {
        var text = Errors.Replace(scratchFolder.TrimEnd('/', '\\') + "/", string.Empty).Replace(scratchFolder, ".").Trim();
        var line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "no message";
        line = WithoutLogHeader(line);
        if (line.StartsWith("Error: ", StringComparison.Ordinal))
        {
            line = line.Substring("Error: ".Length);
        }

        // A renderer may quote the input it choked on; credentials in it are masked like in any finding.
        foreach (var secret in EmbeddedTextScanner.Scan(line).Select(s => s.Value).Where(v => v.Length > 0).Distinct().OrderByDescending(v => v.Length))
        {
            line = line.Replace(secret, SecretMask.Mask(secret));
        }

        return line.Length > 300 ? line.Substring(0, 300) + "…" : line;
    }

    /// <summary>
    /// kubectl reports through its logger: <c>E1203 19:38:50.450764 6712 run.go:72] "command failed" err="…"</c>. The
    /// time and process id would make every report differ, so only the quoted error is kept.
    /// </summary>
    private static string WithoutLogHeader(string line)
    {
        var match = LogHeader.Match(line);
        if (!match.Success)
        {
            return line;
        }

        line = line.Substring(match.Length);
        const string Wrapper = "\"command failed\" err=\"";
        if (line.StartsWith(Wrapper, StringComparison.Ordinal) && line.EndsWith("\"", StringComparison.Ordinal) && line.Length > Wrapper.Length)
        {
            line = GoUnquote(line.Substring(Wrapper.Length, line.Length - Wrapper.Length - 1));
        }

        return line;
    }

    /// <summary>Undoes the escapes Go's %q writes for the characters an error message holds.</summary>
    private static string GoUnquote(string quoted)
    {
        var text = new StringBuilder(quoted.Length);
        for (var i = 0; i < quoted.Length; i++)
        {
            if (quoted[i] == '\\' && i + 1 < quoted.Length)
            {
                var next = quoted[++i];
                text.Append(next switch { 'n' => ' ', 't' => ' ', _ => next });
            }
            else
            {
                text.Append(quoted[i]);
            }
        }

        return text.ToString();
    }

    private static readonly Regex LogHeader = new(@"^[IWEF][0-9]{4} [0-9:.]+\s+[0-9]+ [^\]\s]+\] ", RegexOptions.CultureInvariant);
}
