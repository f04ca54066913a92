#if NET
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyKit.Policies.Git;

/// <summary>Reads the output of git's object plumbing: <c>ls-tree -r -z</c> listings and <c>cat-file --batch</c> streams.</summary>
internal static class GitObjectOutput
{
    /// <summary>The regular files of an <c>ls-tree -r -z</c> listing; symbolic links and submodules are left out.</summary>
    public static IReadOnlyList<GitTreeEntry> RegularFiles(string listing)
    {
        var entries = new List<GitTreeEntry>();
        foreach (var record in GitCommand.SplitNul(listing))
        {
            var tab = record.IndexOf('\t');
            var fields = record.Substring(0, tab).Split(' ');
            if ((fields[0] == "100644" || fields[0] == "100755") && fields[1] == "blob")
            {
                entries.Add(new GitTreeEntry(record.Substring(tab + 1), fields[2]));
            }
        }

        return entries;
    }

    /// <summary>
    /// The changes of each pair of a <c>diff-tree --stdin --always -r -z --no-renames</c> run, in the order the pairs
    /// were given: each pair starts with a header record (the id of the commit compared), then a <c>:</c> record per changed
    /// path (modes, ids, status) followed by the path.
    /// </summary>
    public static List<List<GitTreeChange>> TreeChanges(string output, int pairs, Func<string, Exception> unreadable)
    {
        var changes = new List<List<GitTreeChange>>(pairs);
        var records = output.Split('\0');
        for (var i = 0; i < records.Length; i++)
        {
            var record = records[i];
            if (record.Length == 0)
            {
                continue;
            }

            if (record[0] != ':')
            {
                changes.Add(new List<GitTreeChange>());
                continue;
            }

            // ":<old mode> <new mode> <old id> <new id> <status>" then the path.
            var fields = record.Substring(1).Split(' ');
            if (changes.Count == 0 || fields.Length != 5 || i + 1 >= records.Length)
            {
                throw unreadable($"unexpected output of git diff-tree: {record}");
            }

            var path = records[++i];
            var regular = fields[1] is "100644" or "100755" && fields[4] != "D";
            changes[changes.Count - 1].Add(new GitTreeChange(path, regular ? fields[3] : null));
        }

        if (changes.Count != pairs)
        {
            throw unreadable($"git diff-tree compared {changes.Count} pairs of commits, not {pairs}");
        }

        return changes;
    }

    /// <summary>
    /// The blobs of a <c>cat-file --batch</c> stream, in the order they were asked for; <paramref name="unreadable"/> makes
    /// the door's own exception for an object that is missing or no blob.
    /// </summary>
    public static Dictionary<string, byte[]> Blobs(byte[] output, IReadOnlyList<string> asked, Func<string, Exception> unreadable)
    {
        // Each object comes as "<id> blob <size>\n<bytes>\n".
        var contents = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var position = 0;
        foreach (var blob in asked)
        {
            var newline = Array.IndexOf(output, (byte)'\n', position);
            var header = Encoding.ASCII.GetString(output, position, newline - position).Split(' ');
            if (header.Length != 3 || header[1] != "blob")
            {
                throw unreadable($"object {blob} could not be read from the repository ({string.Join(" ", header)})");
            }

            var size = int.Parse(header[2], CultureInfo.InvariantCulture);
            var bytes = new byte[size];
            Buffer.BlockCopy(output, newline + 1, bytes, 0, size);
            contents[blob] = bytes;
            position = newline + 1 + size + 1;
        }

        return contents;
    }
}
#endif
