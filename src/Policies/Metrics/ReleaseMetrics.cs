using System.Collections.Generic;

namespace PolicyKit.Policies.Metrics;

/// <summary>Every metric of one release; per environment where the metric has an environment (violations, rotation).</summary>
public sealed class ReleaseMetrics
{
    public ReleaseMetrics(ReleaseFacts facts, IReadOnlyList<ViolationFigures> violations, IReadOnlyList<RotationFigures> rotation, IReadOnlyList<AccessFigures> access, ExceptionFigures exceptions, IReadOnlyList<ProvenanceFigures> provenance, IReadOnlyList<ChangeEvidence> changes, DeliveryFigures delivery, int openExposureWindows)
    {
        Facts = facts;
        Violations = violations;
        Rotation = rotation;
        Access = access;
        Exceptions = exceptions;
        Provenance = provenance;
        Changes = changes;
        Delivery = delivery;
        OpenExposureWindows = openExposureWindows;
    }

    public ReleaseFacts Facts { get; }

    public Release Release => Facts.Release;

    /// <summary>The gate verdict the release had under its own policy: <c>fail</c> with a blocking finding or an unreadable policy.</summary>
    public string Verdict => Facts.PolicyError is not null ? "error" : Facts.Failed ? "fail" : "pass";

    /// <summary>One entry per environment, then <c>all</c>.</summary>
    public IReadOnlyList<ViolationFigures> Violations { get; }

    /// <summary>One entry per environment with secrets, then <c>all</c>.</summary>
    public IReadOnlyList<RotationFigures> Rotation { get; }

    /// <summary>Privileged-access changes since the previous judged release: one entry per environment of the violations (and any other a change falls in), then <c>all</c>.</summary>
    public IReadOnlyList<AccessFigures> Access { get; }

    public ExceptionFigures Exceptions { get; }

    /// <summary>One entry per environment deploying images, then <c>all</c>.</summary>
    public IReadOnlyList<ProvenanceFigures> Provenance { get; }

    /// <summary>The changes the release brought that touch manifests, policy or exceptions, with their evidence.</summary>
    public IReadOnlyList<ChangeEvidence> Changes { get; }

    public DeliveryFigures Delivery { get; }

    /// <summary>Exposure windows open on the release day (started, not yet closed).</summary>
    public int OpenExposureWindows { get; }
}
