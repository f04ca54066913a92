using System;
using System.IO;
using System.Text;
using Xunit.Sdk;

namespace PolicyKit.Testing;

/// <summary>
/// Approved-file testing. The approved text lives in the repository; a mismatch writes <c>NAME.received.EXT</c> beside
/// it and fails with the first differing lines. Set <c>POLICYKIT_APPROVE=1</c> to accept the new output.
/// </summary>
internal static class Golden
{
    public static void Verify(string actual, params string[] approvedPath)
    {
        var approved = RepositoryPaths.Combine(approvedPath);
        var received = Path.Combine(Path.GetDirectoryName(approved)!, Path.GetFileNameWithoutExtension(approved) + ".received" + Path.GetExtension(approved));
        actual = actual.Replace("\r\n", "\n");

        if (Environment.GetEnvironmentVariable("POLICYKIT_APPROVE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
            File.WriteAllText(approved, actual, new UTF8Encoding(false));
            File.Delete(received);
            return;
        }

        var expected = File.Exists(approved) ? File.ReadAllText(approved).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(approved)!);
        File.WriteAllText(received, actual, new UTF8Encoding(false));
        var reason = expected is null
            ? $"no approved file {approved}"
            : $"output differs from {approved}:\n{Difference(expected, actual)}";
        throw new XunitException($"{reason}\nReceived output written to {received}. Re-run with POLICYKIT_APPROVE=1 to approve it.");
    }

    private static string Difference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var builder = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length) && shown < 10; i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<end of file>";
            var a = i < actualLines.Length ? actualLines[i] : "<end of file>";
            if (e != a)
            {
                builder.Append($"  line {i + 1}:\n    - {e}\n    + {a}\n");
                shown++;
            }
        }

        return builder.ToString();
    }
}
