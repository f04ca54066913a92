using System.Collections.Generic;

namespace PolicyKit.Policies.Secrets;

/// <summary>
/// Finds secrets in text that is itself a file — a ConfigMap's <c>application.properties</c>, an inline Helm values
/// string, a CronJob's shell script: recognised token formats anywhere (also in comments, because a token in a comment
/// is still leaked), credential-named settings on lines that are not comments, and YAML <c>name:</c>/<c>value:</c>
/// environment pairs.
/// </summary>
public static class EmbeddedTextScanner
{
    /// <param name="text">The embedded file.</param>
    /// <param name="judgeNames">False for objects that hold only references (External Secrets, Secrets Store CSI):
    /// their <c>secretKey: password</c> names a key, so only token formats are looked for.</param>
    public static List<EmbeddedSecret> Scan(string text, bool judgeNames = true)
    {
        var results = new List<EmbeddedSecret>();
        var lines = LineStarts(text);
        foreach (var token in TokenScanner.FindAll(text))
        {
            var line = LineOf(lines, token.Index);
            results.Add(new EmbeddedSecret(line, token.Index - lines[line], token.Index, JudgedSecret.FromToken(token), token.SecretIn(text)));
        }

        if (!judgeNames)
        {
            return results;
        }

        var perLine = new List<JudgedSecret>();
        string? pendingEnvName = null;
        var pendingIndent = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var start = lines[i];
            var end = i + 1 < lines.Count ? lines[i + 1] - 1 : text.Length;
            if (end > start && text[end - 1] == '\r')
            {
                end--;
            }

            var line = text.Substring(start, end - start);
            if (IsComment(line))
            {
                continue;
            }

            perLine.Clear();
            foreach (var existing in results)
            {
                if (existing.Line == i)
                {
                    perLine.Add(existing.Secret.Shifted(existing.Column - existing.Secret.Index));
                }
            }

            var before = perLine.Count;
            AssignmentScanner.Scan(line, perLine);
            EnvironmentPair(line, ref pendingEnvName, ref pendingIndent, perLine);
            for (var s = before; s < perLine.Count; s++)
            {
                var secret = perLine[s];
                results.Add(new EmbeddedSecret(i, secret.Index, start + secret.Index, secret, secret.SecretIn(line)));
            }
        }

        results.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column));
        return results;
    }

    public static bool IsComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("#", System.StringComparison.Ordinal)
            || trimmed.StartsWith(";", System.StringComparison.Ordinal)
            || trimmed.StartsWith("//", System.StringComparison.Ordinal);
    }

    /// <summary>0-based character index where each line starts.</summary>
    public static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    public static int LineOf(List<int> lineStarts, int index)
    {
        var found = lineStarts.BinarySearch(index);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>
    /// <c>- name: DB_PASSWORD</c> followed by <c>value: odoo</c>: an environment entry written inside embedded YAML
    /// (inline Helm values, an Argo CD plugin's env); the name judges the value on the next line.
    /// </summary>
    private static void EnvironmentPair(string line, ref string? pendingName, ref int pendingIndent, List<JudgedSecret> found)
    {
        var indent = 0;
        while (indent < line.Length && (line[indent] == ' ' || line[indent] == '-'))
        {
            indent++;
        }

        var rest = line.Substring(indent);
        if (rest.StartsWith("name:", System.StringComparison.Ordinal))
        {
            pendingName = Unquote(rest.Substring(5).Trim());
            pendingIndent = indent;
            return;
        }

        if (pendingName is not null && indent == pendingIndent && rest.StartsWith("value:", System.StringComparison.Ordinal))
        {
            var valueStart = indent + 6;
            while (valueStart < line.Length && line[valueStart] == ' ')
            {
                valueStart++;
            }

            var raw = line.Substring(valueStart).TrimEnd();
            var quoted = raw.Length >= 2 && (raw[0] == '"' || raw[0] == '\'') && raw[raw.Length - 1] == raw[0];
            var value = quoted ? raw.Substring(1, raw.Length - 2) : raw;
            var judged = SecretJudge.Judge(pendingName, value);
            if (judged.IsFound && !Overlaps(found, valueStart, raw.Length))
            {
                found.Add(judged.Shifted(valueStart + (quoted ? 1 : 0)).Named(pendingName));
            }
        }

        if (rest.Length > 0)
        {
            pendingName = indent == pendingIndent ? pendingName : null;
        }
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[text.Length - 1] == text[0] ? text.Substring(1, text.Length - 2) : text;

    private static bool Overlaps(List<JudgedSecret> found, int index, int length)
    {
        foreach (var existing in found)
        {
            if (index < existing.Index + existing.Length && existing.Index < index + length)
            {
                return true;
            }
        }

        return false;
    }
}
