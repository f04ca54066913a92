using System;
using System.Collections.Generic;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// Everything a run learnt about its exception records: the evaluation day, each record's outcome, the problems that
/// belong to no record, and the rules that name each kind of problem. The exception register is written from this.
/// </summary>
public sealed class ExceptionReview
{
    internal ExceptionReview(
        DateTimeOffset now,
        ExceptionSettings settings,
        string? directory,
        string? directoryFullPath,
        IReadOnlyList<ManifestSource> files,
        IReadOnlyList<ExceptionOutcome> outcomes,
        IReadOnlyList<ExceptionProblem> fileProblems,
        IReadOnlyDictionary<ExceptionProblemKind, Rule> problemRules)
    {
        Now = now;
        Settings = settings;
        Directory = directory;
        DirectoryFullPath = directoryFullPath;
        Files = files;
        Outcomes = outcomes;
        FileProblems = fileProblems;
        ProblemRules = problemRules;
    }

    /// <summary>The instant the run judged time by (<c>--now</c>, or the clock).</summary>
    public DateTimeOffset Now { get; }

    /// <summary>The UTC day of <see cref="Now"/>: expiry and age are counted in whole days from it.</summary>
    public DateTime Today => UtcDates.Today(Now);

    public ExceptionSettings Settings { get; }

    /// <summary>How reports name the exceptions folder; null when the policy has none (built-in defaults).</summary>
    public string? Directory { get; }

    /// <summary>The exceptions folder's absolute path; null when the policy has none.</summary>
    public string? DirectoryFullPath { get; }

    public bool DirectoryExists => DirectoryFullPath is not null && System.IO.Directory.Exists(DirectoryFullPath);

    /// <summary>The exception files that were read, in path order.</summary>
    public IReadOnlyList<ManifestSource> Files { get; }

    /// <summary>Every record, in file and position order.</summary>
    public IReadOnlyList<ExceptionOutcome> Outcomes { get; }

    /// <summary>Problems of exception files that belong to no record (unparseable YAML, a document that is not a list).</summary>
    public IReadOnlyList<ExceptionProblem> FileProblems { get; }

    /// <summary>The rule that reports each kind of problem, whether or not it ran.</summary>
    public IReadOnlyDictionary<ExceptionProblemKind, Rule> ProblemRules { get; }

    /// <summary>A run that looked at no exception records.</summary>
    internal static ExceptionReview None { get; } = Empty(default, ExceptionSettings.None, null, null, new Dictionary<ExceptionProblemKind, Rule>());

    internal static ExceptionReview Empty(DateTimeOffset now, ExceptionSettings settings, string? directory, string? directoryFullPath, IReadOnlyDictionary<ExceptionProblemKind, Rule> problemRules) =>
        new(now, settings, directory, directoryFullPath, Array.Empty<ManifestSource>(), Array.Empty<ExceptionOutcome>(), Array.Empty<ExceptionProblem>(), problemRules);
}
