using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PolicyKit.Build;

/// <summary>
/// A warning of the last run, kept beside the stamp so an up-to-date build shows it again. Without the replay a
/// skipped check would make its warnings vanish, and <c>-warnaserror</c> on a later build would pass.
/// </summary>
internal sealed class RecordedWarning
{
    public RecordedWarning(string code, string? helpLink, string file, int line, int column, string message)
    {
        Code = code;
        HelpLink = helpLink;
        File = file;
        Line = line;
        Column = column;
        Message = message;
    }

    public string Code { get; }

    public string? HelpLink { get; }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Message { get; }

    public static void WriteAll(string path, IReadOnlyList<RecordedWarning> warnings)
    {
        if (warnings.Count == 0)
        {
            if (System.IO.File.Exists(path))
            {
                System.IO.File.Delete(path);
            }

            return;
        }

        System.IO.File.WriteAllLines(path, warnings.Select(w => string.Join("\t", w.Code, w.HelpLink ?? string.Empty, Clean(w.File), w.Line, w.Column, Clean(w.Message))), new UTF8Encoding(false));
    }

    public static IReadOnlyList<RecordedWarning> ReadAll(string path)
    {
        if (!System.IO.File.Exists(path))
        {
            return Array.Empty<RecordedWarning>();
        }

        var warnings = new List<RecordedWarning>();
        foreach (var line in System.IO.File.ReadAllLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length == 6 && int.TryParse(fields[3], out var lineNumber) && int.TryParse(fields[4], out var column))
            {
                warnings.Add(new RecordedWarning(fields[0], fields[1].Length == 0 ? null : fields[1], fields[2], lineNumber, column, fields[5]));
            }
        }

        return warnings;
    }

    private static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
