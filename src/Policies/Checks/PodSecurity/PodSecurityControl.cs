using System;
using System.Collections.Generic;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.PodSecurity;

/// <summary>
/// One control of the Pod Security Standards, named by its upstream identifier. A control has one implementation per
/// policy version in which its behaviour changed (<see cref="Versions"/>, ascending minor versions); the implementation in
/// force at policy version v1.N is the newest whose version is at most N, and the control does not exist before the first.
/// A Restricted control may replace (<see cref="Replaces"/>) a Baseline one from its first version on.
/// </summary>
public abstract class PodSecurityControl
{
    private int[] implementationByMinor = Array.Empty<int>();

    protected PodSecurityControl(string id, PodSecurityLevel level, int[] versions, string? replaces = null)
    {
        Id = id;
        Level = level;
        Versions = versions;
        Replaces = replaces;
    }

    /// <summary>The upstream check identifier, e.g. <c>capabilities_baseline</c>.</summary>
    public string Id { get; }

    /// <summary>Baseline controls run at Baseline and Restricted; Restricted controls only at Restricted.</summary>
    public PodSecurityLevel Level { get; }

    /// <summary>The minor policy versions at which an implementation starts, ascending; the first is when the control appears.</summary>
    public IReadOnlyList<int> Versions { get; }

    /// <summary>The Baseline control this Restricted control takes the place of at Restricted, if any.</summary>
    public string? Replaces { get; }

    /// <summary>The first minor version the control exists at.</summary>
    public int Since => Versions[0];

    /// <summary>
    /// The implementation (its starting minor version) in force at <paramref name="level"/> and minor version
    /// <paramref name="minor"/> (already clamped to the newest known), or -1 when the control does not run there.
    /// A table lookup: the table is built once, when the standard loads.
    /// </summary>
    public int ImplementationAt(PodSecurityLevel level, int minor)
    {
        var index = ((int)level * (PodSecurityStandard.NewestMinor + 1)) + minor;
        return (uint)index < (uint)implementationByMinor.Length ? implementationByMinor[index] : -1;
    }

    internal void SetTable(int[] table) => implementationByMinor = table;

    /// <summary>Judges the pod with the implementation that starts at <paramref name="implementation"/>; null when allowed.</summary>
    internal abstract ControlFailure? Evaluate(PodSecurityPod pod, int implementation);

    public override string ToString() => Id;
}

/// <summary>Why a control forbids a pod, in upstream's reason/detail form, and where the first offending field is.</summary>
internal sealed class ControlFailure
{
    public ControlFailure(string reason, string detail, YamlNode at, string fieldPath)
    {
        Reason = reason;
        Detail = detail;
        Line = at.Line;
        Column = at.Column;
        FieldPath = fieldPath;
    }

    /// <summary>Short and fixed per control, e.g. <c>privileged</c> or <c>runAsNonRoot != true</c>.</summary>
    public string Reason { get; }

    /// <summary>Names the offending containers, fields and values, e.g. <c>container "odoo" must not set …</c>.</summary>
    public string Detail { get; }

    // Where the offending node is, not the node: a failure outlives its tree until the namespace's labels are known.
    public int Line { get; }

    public int Column { get; }

    public string FieldPath { get; }

    /// <summary>The image the offending field holds, when it is an <c>image</c> field (for exception scopes).</summary>
    public string? Image { get; set; }

    /// <summary>For a rendered pod, where the offending field is written in the files a person edits.</summary>
    public Loading.SourceLocation? Located { get; set; }
}

/// <summary>
/// Collects offences while a control walks a pod: the earliest offending node in the file (where the finding points) and
/// the names and values the message lists. Allocated only once something is wrong, so passing pods cost nothing.
/// </summary>
internal sealed class Offences
{
    private YamlNode? at;
    private string atPath = string.Empty;

    public List<string> Names { get; } = new();

    public List<string> Values { get; } = new();

    public YamlNode At => at!;

    public string FieldPath => atPath;

    public static Offences Add(ref Offences? offences, YamlNode node, string fieldPath)
    {
        offences ??= new Offences();
        offences.Mark(node, fieldPath);
        return offences;
    }

    public void Mark(YamlNode node, string fieldPath)
    {
        if (at is null || node.Line < at.Line || (node.Line == at.Line && node.Column < at.Column))
        {
            at = node;
            atPath = fieldPath;
        }
    }

    public void AddName(string name) => Names.Add(name);

    public void AddValue(string value) => Values.Add(value);

    public void AddDistinctValue(string value)
    {
        if (!Values.Contains(value))
        {
            Values.Add(value);
        }
    }

    public ControlFailure Fail(string reason, string detail) => new(reason, detail, At, FieldPath);
}
