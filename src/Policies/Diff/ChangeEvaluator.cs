#if NET
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolicyKit.Policies.Configuration;
using PolicyKit.Policies.Evaluation;
using PolicyKit.Policies.Exceptions;
using PolicyKit.Policies.Git;
using PolicyKit.Policies.Loading;

namespace PolicyKit.Policies.Diff;

/// <summary>
/// Judges a change in a git repository: reads the base commit (and a head commit, if named) from git objects, judges
/// both sides under one policy — the base's unless told otherwise, so a change cannot loosen its own judge — and
/// classifies the head's findings against the base's. The base side judges only the files the change touched; every
/// other file takes the head's findings over (<see cref="EvaluationReuse"/>).
/// </summary>
public static class ChangeEvaluator
{
    private static readonly string[] InputExtensions = { ".yaml", ".yml", ".json", ".conf" };

    /// <exception cref="GitException">No repository, an unknown revision, a shallow clone without the base, or a path outside the repository.</exception>
    /// <exception cref="Rules.PolicyDefinitionException">The judging policy is invalid.</exception>
    public static ChangeReview Review(ChangeRequest request)
    {
        var cwd = Path.GetFullPath(request.WorkingDirectory);
        var fullPaths = request.Paths.Select(p => Path.GetFullPath(Path.Combine(cwd, p))).ToList();
        var start = fullPaths.FirstOrDefault(p => Directory.Exists(p) || File.Exists(p)) ?? cwd;
        var repository = GitRepository.Open(Directory.Exists(start) ? start : Path.GetDirectoryName(start)!);
        var relativePaths = fullPaths.Select(p => RepositoryPath(repository, p)).ToList();

        var baseCommit = repository.ResolveCommit(request.BaseRevision);
        var headCommit = request.HeadRevision is null ? null : repository.ResolveCommit(request.HeadRevision);
        using var baseTree = repository.Snapshot(baseCommit, IsInput);
        using var headTree = headCommit is null ? null : repository.Snapshot(headCommit, IsInput);
        var baseSide = new TreeSide(repository.TopLevel, baseTree.Root, cwd);
        var headSide = new TreeSide(repository.TopLevel, headTree?.Root ?? repository.TopLevel, cwd);

        var startRelative = RepositoryPath(repository, start);
        var judgingSide = request.Policy == PolicySide.Base ? baseSide : headSide;
        var judging = LoadPolicy(judgingSide, request.ConfigPath is null ? null : RepositoryPath(repository, Path.GetFullPath(Path.Combine(cwd, request.ConfigPath))), startRelative);
        var exceptionSources = ExceptionFiles.Collect(judging).ToList();
        var now = request.Now ?? DateTimeOffset.UtcNow;

        var headConfig = Rebase(judging, judgingSide, headSide);
        var headSources = Sources(headSide, relativePaths, headConfig);
        var head = PolicyEngine.Evaluate(Evaluation(request, headSources, headConfig, exceptionSources, now, null));

        var baseConfig = Rebase(judging, judgingSide, baseSide);
        var baseSources = Sources(baseSide, relativePaths, baseConfig);
        var unchanged = Unchanged(baseSources, headSources);
        var baseResult = PolicyEngine.Evaluate(Evaluation(request, baseSources, baseConfig, exceptionSources, now, new EvaluationReuse(head, unchanged)));

        var comparison = FindingComparison.Compare(head.Findings, baseResult.Findings.Select(RecordedFinding.From).ToList());
        return new ChangeReview(head, baseResult, comparison, ComparisonBasis.ForCommit(request.BaseRevision, baseCommit), request.Policy, request.FailOnExisting);
    }

    private static EvaluationRequest Evaluation(ChangeRequest request, IReadOnlyList<ManifestSource> sources, PolicyConfig config, IReadOnlyList<ManifestSource> exceptions, DateTimeOffset now, EvaluationReuse? reuse) =>
        new(sources, config)
        {
            Environment = request.Environment,
            FailOn = request.FailOn,
            Categories = request.Categories,
            PodSecurity = request.PodSecurity,
            Now = now,
            ExceptionSources = exceptions,
            Reuse = reuse,
        };

    private static bool IsInput(string path) =>
        InputExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string RepositoryPath(GitRepository repository, string fullPath)
    {
        if (string.Equals(fullPath.TrimEnd(Path.DirectorySeparatorChar), repository.TopLevel, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return InputCollector.RelativePath(fullPath, repository.TopLevel)
            ?? throw new GitException($"{fullPath} is outside the git repository at {repository.TopLevel}; --base judges paths of one repository");
    }

    /// <summary>
    /// The judging policy: the named file, else the nearest <c>policykit.yaml</c> from the first path up to the
    /// repository's top, read from the judging side; the built-in defaults when that side has none.
    /// </summary>
    private static PolicyConfig LoadPolicy(TreeSide side, string? explicitPath, string startRelative)
    {
        var path = explicitPath ?? Discover(side, startRelative);
        if (path is not null && File.Exists(side.Full(path)))
        {
            return PolicyConfigLoader.Load(side.Full(path), side.Display(path));
        }

        return PolicyConfig.Defaults(side.Full(side.WorkingDirectoryPath));
    }

    private static string? Discover(TreeSide side, string startRelative)
    {
        var directory = Directory.Exists(side.Full(startRelative)) || startRelative.Length == 0 ? startRelative : Parent(startRelative);
        while (directory is not null)
        {
            var candidate = directory.Length == 0 ? PolicyConfig.FileName : directory + "/" + PolicyConfig.FileName;
            if (File.Exists(side.Full(candidate)))
            {
                return candidate;
            }

            directory = directory.Length == 0 ? null : Parent(directory);
        }

        return null;
    }

    private static string Parent(string relative)
    {
        var slash = relative.LastIndexOf('/');
        return slash < 0 ? string.Empty : relative.Substring(0, slash);
    }

    private static PolicyConfig Rebase(PolicyConfig judging, TreeSide from, TreeSide to) =>
        judging.Rebased(to.Full(from.Relative(judging.RootDirectory)));

    private static IReadOnlyList<ManifestSource> Sources(TreeSide side, IReadOnlyList<string> relativePaths, PolicyConfig config)
    {
        var existing = relativePaths.Select(side.Full).Where(p => File.Exists(p) || Directory.Exists(p)).ToList();
        return InputCollector.Collect(existing, config, side.Root)
            .Select(s => ManifestSource.FromFile(s.FullPath!, side.Display(s.DisplayPath)))
            .ToList();
    }

    private static IEnumerable<string> Unchanged(IReadOnlyList<ManifestSource> baseSources, IReadOnlyList<ManifestSource> headSources)
    {
        var head = headSources.ToDictionary(s => s.DisplayPath, StringComparer.Ordinal);
        foreach (var source in baseSources)
        {
            if (head.TryGetValue(source.DisplayPath, out var other) && source.Length == other.Length && source.ReadAllBytes().AsSpan().SequenceEqual(other.ReadAllBytes()))
            {
                yield return source.DisplayPath;
            }
        }
    }

    /// <summary>One side of the change: the repository's files as they are at one commit, or in the working tree.</summary>
    private sealed class TreeSide
    {
        private readonly string topLevel;
        private readonly string workingDirectory;

        public TreeSide(string topLevel, string root, string workingDirectory)
        {
            this.topLevel = topLevel;
            Root = root;
            this.workingDirectory = workingDirectory;
            WorkingDirectoryPath = InputCollector.RelativePath(workingDirectory, topLevel) ?? string.Empty;
        }

        public string Root { get; }

        /// <summary>The working directory as a repository path (empty when it is the top level or outside it).</summary>
        public string WorkingDirectoryPath { get; }

        public string Full(string relative) =>
            relative.Length == 0 ? Root : Path.GetFullPath(Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar)));

        public string Relative(string full) =>
            string.Equals(full.TrimEnd(Path.DirectorySeparatorChar), Root, StringComparison.Ordinal) ? string.Empty : InputCollector.RelativePath(full, Root) ?? full;

        /// <summary>How reports name a repository path: relative to the working directory, as the head's own files are.</summary>
        public string Display(string relative)
        {
            var full = Path.Combine(topLevel, relative.Replace('/', Path.DirectorySeparatorChar));
            return InputCollector.RelativePath(full, workingDirectory) ?? full.Replace('\\', '/');
        }
    }
}
#endif
