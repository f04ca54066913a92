using System.Collections.Generic;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// A CloudNativePG <c>Cluster</c>, with where findings about its backups point (its name), the roles it manages with
/// <c>superuser: true</c> (<c>spec.managed.roles</c>), and — when <c>enableSuperuserAccess</c> is true — the Secret
/// holding the <c>postgres</c> superuser's credentials (<c>superuserSecret.name</c>, else <c>&lt;cluster&gt;-superuser</c>).
/// </summary>
internal sealed class CnpgClusterFact : ResourceFact
{
    public CnpgClusterFact(FactOrigin origin, FactLocation at)
        : base(origin)
    {
        At = at;
    }

    public FactLocation At { get; }

    public IReadOnlyList<string> SuperuserRoles { get; init; } = System.Array.Empty<string>();

    /// <summary>The superuser Secret's name when superuser access is enabled; null when it is not.</summary>
    public string? SuperuserSecret { get; init; }

    /// <summary>Whether a Service CloudNativePG creates for the Cluster (<c>-rw</c>, <c>-ro</c>, <c>-r</c>) has this name.</summary>
    public bool ServesAs(string serviceName) =>
        Origin.Name is { } name && (serviceName == name + "-rw" || serviceName == name + "-ro" || serviceName == name + "-r");
}
