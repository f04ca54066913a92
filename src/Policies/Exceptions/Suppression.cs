using System;

namespace PolicyKit.Policies.Exceptions;

/// <summary>Why a finding does not count: the active, valid exception record that waives it.</summary>
public sealed class Suppression
{
    internal Suppression(ExceptionRecord record)
    {
        ExceptionId = record.Id!;
        Justification = record.Justification!;
        Owner = record.Owner!;
        Approver = record.Approver!;
        Ticket = record.Ticket!;
        Expires = record.Expires!.Value;
        File = record.File;
        Line = record.Line;
    }

    public string ExceptionId { get; }

    public string Justification { get; }

    public string Owner { get; }

    public string Approver { get; }

    public string Ticket { get; }

    /// <summary>The last UTC day the exception is in force.</summary>
    public DateTime Expires { get; }

    /// <summary>The exception file, as reports show it.</summary>
    public string File { get; }

    /// <summary>The line where the record starts.</summary>
    public int Line { get; }
}
