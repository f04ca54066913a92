using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PolicyKit.ParseOnly;

/// <summary>
/// <c>PolicyKit.ParseOnly FOLDER...</c>: finds the *.yaml, *.yml and *.json files under the folders, reads each and
/// loads it into a YamlDotNet <see cref="YamlStream"/>, across files with one thread per CPU as the gate judges them,
/// and prints "files documents errors". This is the floor a YAML gate built on YamlDotNet stands on, measured as a
/// fresh process like the gate it is compared with.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: PolicyKit.ParseOnly FOLDER...");
            return 2;
        }

        var files = new List<string>();
        foreach (var folder in args)
        {
            files.AddRange(Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
                .OrderBy(f => f, StringComparer.Ordinal));
        }

        var documents = 0;
        var errors = 0;
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(File.ReadAllText(files[i])));
            }
            catch (YamlException)
            {
                Interlocked.Increment(ref errors);
            }

            Interlocked.Add(ref documents, stream.Documents.Count);
        });

        Console.Out.WriteLine($"{files.Count} {documents} {errors}");
        return errors == 0 ? 0 : 1;
    }
}
