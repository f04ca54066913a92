using System;
using System.Collections.Generic;
using System.IO;
using PolicyKit.Policies.Rules;

namespace PolicyKit.Policies.Exceptions;

/// <summary>
/// The <c>exceptions</c> section of <c>policykit.yaml</c>: where exception records live, how long an exception to a rule
/// of each severity may last, and how early an approaching expiry is announced.
/// </summary>
public sealed class ExceptionSettings
{
    public const string DefaultPath = "exceptions";

    public const int DefaultExpiringWithinDays = 14;

    /// <summary>Defaults follow common audit practice: the worse the risk, the sooner it must be looked at again.</summary>
    public static readonly IReadOnlyDictionary<Severity, int> DefaultMaxDurationDays = new Dictionary<Severity, int>
    {
        [Severity.Critical] = 30,
        [Severity.High] = 90,
        [Severity.Medium] = 180,
        [Severity.Low] = 365,
        [Severity.Info] = 365,
    };

    public ExceptionSettings(string? path, IReadOnlyDictionary<Severity, int> maxDurationDays, int expiringWithinDays)
    {
        Path = path;
        MaxDurationDays = maxDurationDays;
        ExpiringWithinDays = expiringWithinDays;
    }

    /// <summary>A policy file's settings when it has no <c>exceptions</c> section: records in <c>exceptions/</c> beside it.</summary>
    public static ExceptionSettings Default { get; } = new(DefaultPath, DefaultMaxDurationDays, DefaultExpiringWithinDays);

    /// <summary>
    /// No exception records at all. The built-in defaults (no policy file) use this: exceptions belong to a policy, so
    /// without one nothing can be waived.
    /// </summary>
    public static ExceptionSettings None { get; } = new(null, DefaultMaxDurationDays, DefaultExpiringWithinDays);

    /// <summary>The folder of exception records relative to the policy file, or null when there is none.</summary>
    public string? Path { get; }

    /// <summary>The longest an exception may last (from <c>created</c> to <c>expires</c>), by the severity it waives.</summary>
    public IReadOnlyDictionary<Severity, int> MaxDurationDays { get; }

    /// <summary>An exception this many days or fewer from its expiry date is reported as expiring.</summary>
    public int ExpiringWithinDays { get; }

    public int MaxDays(Severity severity) =>
        MaxDurationDays.TryGetValue(severity, out var days) ? days : DefaultMaxDurationDays[severity];

    /// <summary>The absolute folder of exception records under <paramref name="rootDirectory"/>, or null when there is none.</summary>
    public string? DirectoryUnder(string rootDirectory) =>
        Path is null ? null : System.IO.Path.GetFullPath(System.IO.Path.Combine(rootDirectory, Path)).TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar);
}
