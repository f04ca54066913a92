using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Gate.Commands;

/// <summary>
/// <c>policykit init [FOLDER]</c>: writes a commented starter <c>policykit.yaml</c> for the repository in that folder, with
/// an environment for every overlay folder it finds (<c>overlays/production</c> → <c>production</c>) and every built-in
/// pack pinned to its current major version. It never replaces an existing file unless told to.
/// </summary>
internal static class InitCommand
{
    /// <summary>Folders whose sub-folders are, by kustomize and GitOps habit, one per environment.</summary>
    private static readonly string[] EnvironmentParents = { "overlays", "environments", "envs" };

    /// <summary>Environment names that usually deserve the stricter threshold.</summary>
    private static readonly string[] ProductionNames = { "production", "prod", "live", "prd" };

    /// <summary>Folders never searched for overlays: build outputs, dependencies and hidden folders.</summary>
    private static readonly string[] SkippedFolders = { "bin", "obj", "node_modules", "vendor" };

    private const int MaxSearchDepth = 6;

    private static readonly Argument<string?> Folder = new("folder")
    {
        Description = "The repository folder to write policykit.yaml into. Default: the current folder.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Replace an existing policykit.yaml.",
    };

    public static Command Create()
    {
        var command = new Command("init", "Write a commented starter policykit.yaml: environments guessed from overlay folders (overlays/production → production) and the built-in packs with their versions. Refuses to replace an existing file without --force. Exit code 2 when it does not write.") { Folder, Force };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(Folder) ?? ".";
            if (!Directory.Exists(folder))
            {
                throw new UsageException(File.Exists(folder)
                    ? $"'{folder}' is a file; give the repository folder to write {PolicyConfig.FileName} into"
                    : $"folder '{folder}' does not exist");
            }

            var target = Path.Combine(folder, PolicyConfig.FileName);
            if (File.Exists(target) && !parse.GetValue(Force))
            {
                throw new UsageException($"{target} already exists; pass --force to replace it");
            }

            var environments = GuessEnvironments(Path.GetFullPath(folder));
            File.WriteAllText(target, StarterPolicy(environments, RuleCatalog.BuiltIn), new UTF8Encoding(false));
            var found = environments.Count == 0
                ? "no overlay folders found, so no environments"
                : $"environments {string.Join(", ", environments.Select(e => $"{e.Name} ({e.Folder})"))}";
            Console.Out.WriteLine($"wrote {target}: {found}; review it, then run 'policykit check {folder}'");
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>Every <c>overlays/NAME</c> (or <c>environments/NAME</c>, <c>envs/NAME</c>) folder under the repository, by name.</summary>
    internal static IReadOnlyList<GuessedEnvironment> GuessEnvironments(string root)
    {
        var found = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        Search(root, root, 0, found);
        return found
            .Select(e => new GuessedEnvironment(e.Key, e.Value.OrderBy(p => p, StringComparer.Ordinal).First(), e.Value.OrderBy(p => p, StringComparer.Ordinal).ToList()))
            .OrderBy(e => ProductionNames.Contains(e.Name, StringComparer.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(e => e.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static void Search(string root, string folder, int depth, SortedDictionary<string, List<string>> found)
    {
        if (depth > MaxSearchDepth)
        {
            return;
        }

        IEnumerable<string> children;
        try
        {
            children = Directory.EnumerateDirectories(folder).OrderBy(d => d, StringComparer.Ordinal).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var child in children)
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith('.') || SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase)
                || new DirectoryInfo(child).LinkTarget is not null)
            {
                continue;
            }

            if (EnvironmentParents.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                foreach (var environment in Directory.EnumerateDirectories(child))
                {
                    var environmentName = Path.GetFileName(environment);
                    if (environmentName.StartsWith('.'))
                    {
                        continue;
                    }

                    var relative = Path.GetRelativePath(root, environment).Replace('\\', '/');
                    if (!found.TryGetValue(environmentName, out var folders))
                    {
                        found[environmentName] = folders = new List<string>();
                    }

                    folders.Add(relative);
                }

                continue;
            }

            Search(root, child, depth + 1, found);
        }
    }

    internal static string StarterPolicy(IReadOnlyList<GuessedEnvironment> environments, RuleCatalog catalog)
    {
        var text = new StringBuilder();
        text.Append("# policykit.yaml: the policy 'policykit check' judges this repository by (docs/configuration.md).\n");
        text.Append("# Written by 'policykit init'; every value below is a starting point to review.\n\n");
        text.Append("# Rule packs and the versions accepted: a new major version may change what a rule means, so it is\n");
        text.Append("# taken only when this range is raised ('policykit rules' lists every rule).\n");
        text.Append("packs:\n");
        foreach (var pack in catalog.Packs.GroupBy(p => p.Name).Select(g => g.OrderByDescending(p => p.Version).First()).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            text.Append($"  - name: {pack.Name}\n    version: \"^{pack.Version.Major}.{pack.Version.Minor}\"   # newest now: {pack.Version}\n");
        }

        text.Append("\n# Lowest severity that fails the check where no environment below says otherwise:\n");
        text.Append("# critical, high, medium, low, info or none.\n");
        text.Append("failOn: high\n");
        if (environments.Count == 0)
        {
            text.Append("\n# No overlay folders (overlays/NAME, environments/NAME, envs/NAME) were found. To judge environments\n");
            text.Append("# differently, list them with the paths (globs relative to this file) that belong to each:\n");
            text.Append("# environments:\n#   - name: production\n#     paths: [\"deploy/production/**\"]\n#     failOn: medium\n");
        }
        else
        {
            text.Append("\n# One environment per overlay folder found; a file belongs to the first environment whose paths match.\n");
            text.Append("environments:\n");
            foreach (var environment in environments)
            {
                var production = ProductionNames.Contains(environment.Name, StringComparer.OrdinalIgnoreCase);
                text.Append($"  - name: {Quoted(environment.Name)}\n");
                text.Append($"    paths: [{string.Join(", ", environment.Folders.Select(f => Quoted(f + "/**")))}]\n");
                text.Append(production
                    ? "    failOn: medium        # production blocks on more than the default\n"
                    : "    # failOn: critical    # uncomment to block only on critical findings here\n");
            }
        }

        text.Append("\n# Pod Security Standards for pods whose Namespace (with pod-security.kubernetes.io labels) is not in the\n");
        text.Append("# checked files; without it nothing is enforced, as on a cluster without labels.\n");
        text.Append("# podSecurity: { level: restricted, version: latest }\n");
        text.Append("\n# Secret rotation limits; with them, PK3007 reports secrets rotated less often (docs/secrets.md).\n");
        text.Append("# secrets: { maxRotationAge: 90d, maxRefreshInterval: 24h }\n");
        text.Append("\n# Per-rule changes, e.g. a different severity or a rule switched off:\n");
        text.Append("# rules:\n#   PK1005: { severity: medium }\n");
        text.Append("\n# Files and folders never collected (globs relative to this file):\n");
        text.Append("# exclude: [\"charts/**\"]\n");
        text.Append("\n# Exception records live in exceptions/ beside this file (docs/exceptions.md).\n");
        return text.ToString();
    }

    private static string Quoted(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}

/// <summary>An environment <c>init</c> found: its name and the overlay folders (relative to the repository) that belong to it.</summary>
internal sealed record GuessedEnvironment(string Name, string Folder, IReadOnlyList<string> Folders);
