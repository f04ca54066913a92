using System.Collections.Generic;
using System.IO;
using PolicyKit.Policies.Configuration;

namespace PolicyKit.Build;

/// <summary>
/// Records what besides the manifests a run read — the policy file, its exceptions folder and its <c>rulePaths</c> —
/// as paths and globs, one per line. The targets read it back as the incremental inputs of the next build, so editing
/// an exception record or a local rule pack re-runs the check without the targets knowing the policy's layout. (An
/// exceptions folder created after the last run is seen once the policy file or a manifest changes, or on a rebuild.)
/// </summary>
internal static class PolicyInputsFile
{
    public static void Write(string path, string? policyFile, PolicyConfig config)
    {
        var lines = new List<string>();
        if (policyFile is not null)
        {
            lines.Add(policyFile);
        }

        var exceptions = config.Exceptions.DirectoryUnder(config.RootDirectory);
        if (exceptions is not null)
        {
            AddFolder(exceptions);
        }

        foreach (var rulePath in config.RulePaths)
        {
            AddFolder(Path.GetFullPath(rulePath));
        }

        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllLines(path, lines);

        void AddFolder(string folder)
        {
            // MSBuild keeps a glob under a missing folder as a literal path, which would count as a missing input and
            // re-run the check on every build.
            if (!Directory.Exists(folder))
            {
                return;
            }

            lines.Add(Path.Combine(folder, "**", "*.yaml"));
            lines.Add(Path.Combine(folder, "**", "*.yml"));
        }
    }
}
