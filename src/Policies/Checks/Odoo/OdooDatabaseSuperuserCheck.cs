using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// Odoo's database role is a PostgreSQL superuser elsewhere in the input, though not named <c>postgres</c> (PK8010's).
/// The role is Odoo's <c>db_user</c> (file, <c>--db_user</c>/<c>-r</c>, or the official image's <c>USER</c>, literal or
/// read from a Secret or ConfigMap key). It is a superuser when <c>db_host</c> names a Service whose pods run the
/// official <c>postgres</c> image (or <c>postgis/postgis</c>, built on it) with that <c>POSTGRES_USER</c> — the image
/// creates that user as the instance's superuser — compared by value or by the same Secret/ConfigMap key; when
/// <c>db_host</c> names a CloudNativePG Cluster's Service and the Cluster manages the role with <c>superuser: true</c>;
/// or when <c>USER</c> comes from a Cluster's superuser Secret (<c>enableSuperuserAccess</c>). Variables are read
/// through <c>envFrom</c> ConfigMaps of the input (<see cref="ContainerEnvironment"/>); a side whose variables may come
/// from a Secret loaded wholesale is not judged on a default it cannot see. Bitnami's PostgreSQL
/// image is not judged: its <c>POSTGRESQL_USERNAME</c> (alias <c>POSTGRES_USER</c>) is an ordinary owner role.
/// </summary>
internal sealed class OdooDatabaseSuperuserCheck : CrossResourceCheck
{
    private const string ImageDefaultUser = "odoo";
    private const string ImageDefaultHost = "db";

    public OdooDatabaseSuperuserCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var services = index.All<ServiceFact>().ToLookup(s => (s.Origin.Namespace ?? string.Empty, s.Origin.Name ?? string.Empty));
        var postgresServers = index.All<WorkloadFact>()
            .SelectMany(w => w.Containers.Where(c => c.List == "containers" && IsOfficialPostgres(c.Image)).Select(c => (Workload: w, Container: c)))
            .ToLookup(p => p.Workload.Origin.Namespace ?? string.Empty);
        var clusters = index.All<CnpgClusterFact>().ToList();
        var environment = ContainerEnvironment.For(index);
        foreach (var instance in OdooTopology.For(index).Instances)
        {
            if (DatabaseUser(instance, environment) is not { } user)
            {
                continue;
            }

            var ownNamespace = instance.Workload.Origin.Namespace;
            var hostVariable = environment.Variable(instance.Container, instance.Workload.Origin, "HOST");
            var hostText = instance.Setting("db_host")?.Value
                ?? hostVariable?.Value
                ?? (hostVariable is null && ImageDefaultsApply(instance, environment) ? ImageDefaultHost : null);
            var reason = ServiceAddress.Parse(hostText, ownNamespace) is { } address
                ? ThroughService(address, user, services, postgresServers, clusters, environment)
                : null;
            reason ??= FromSuperuserSecret(user, ownNamespace, clusters);
            if (reason is not null)
            {
                sink.Report(user.Origin, user.At, CrossResourceSink.Argument("odoo", instance.Describe()), CrossResourceSink.Argument("user", user.Shown), CrossResourceSink.Argument("reason", reason));
            }
        }
    }

    private static string? ThroughService(ServiceAddress address, DatabaseRole user, ILookup<(string, string), ServiceFact> services, ILookup<string, (WorkloadFact Workload, ContainerFact Container)> postgresServers, List<CnpgClusterFact> clusters, ContainerEnvironment environment)
    {
        var serviceNamespace = address.Namespace ?? string.Empty;
        foreach (var cluster in clusters)
        {
            if ((cluster.Origin.Namespace ?? string.Empty) == serviceNamespace && cluster.ServesAs(address.Name)
                && user.Value is { } name && cluster.SuperuserRoles.Contains(name))
            {
                return $"CloudNativePG Cluster \"{cluster.Origin.Name}\" manages as a role with superuser: true";
            }
        }

        foreach (var service in services[(serviceNamespace, address.Name)])
        {
            foreach (var (workload, container) in postgresServers[serviceNamespace])
            {
                if (!workload.IsSelectedBy(service.Selector))
                {
                    continue;
                }

                var variable = environment.Variable(container, workload.Origin, "POSTGRES_USER");
                if (variable is null && environment.HasHiddenSources(container, workload.Origin))
                {
                    continue;
                }

                var sameRole = variable is null ? user.Value == "postgres"
                    : variable.Value is { } literal ? user.Value == literal.Trim()
                    : variable.Reference is { } reference && reference == user.Reference && workload.Origin.SameNamespaceAs(user.Origin);
                if (sameRole && user.Value != "postgres")
                {
                    return $"is the POSTGRES_USER of {workload.Origin.Identity} behind Service \"{service.Origin.Name}\", which the postgres image creates as the superuser";
                }
            }
        }

        return null;
    }

    private static string? FromSuperuserSecret(DatabaseRole user, string? ownNamespace, List<CnpgClusterFact> clusters)
    {
        if (user.Reference is not { Kind: "Secret" } reference)
        {
            return null;
        }

        var cluster = clusters.FirstOrDefault(c => c.SuperuserSecret == reference.Name && (c.Origin.Namespace ?? string.Empty) == (ownNamespace ?? string.Empty));
        return cluster is null ? null : $"is read from Secret \"{reference.Name}\", the superuser credentials of CloudNativePG Cluster \"{cluster.Origin.Name}\"";
    }

    /// <summary>The role Odoo connects as: a written value, or the Secret/ConfigMap key its <c>USER</c> reads; the official image's default when nothing says.</summary>
    private static DatabaseRole? DatabaseUser(OdooInstance instance, ContainerEnvironment environment)
    {
        if (instance.Setting("db_user") is { } setting)
        {
            return new DatabaseRole(setting.Value.Trim(), null, setting.Origin, setting.At, setting.Value.Trim());
        }

        // The official image's entrypoint falls back from USER to POSTGRES_USER, then to "odoo".
        var container = instance.Container;
        var origin = instance.Workload.Origin;
        var variable = environment.Variable(container, origin, "USER")
            ?? (OdooInstances.IsOfficialImage(container.Image) ? environment.Variable(container, origin, "POSTGRES_USER") : null);
        if (variable is { Reference: { } reference })
        {
            return new DatabaseRole(null, reference, variable.Origin, variable.At, $"from {reference.Kind} \"{reference.Name}\" key \"{reference.Key}\"");
        }

        if (variable is { Value: { } literal })
        {
            return new DatabaseRole(literal.Trim(), null, variable.Origin, variable.At, literal.Trim());
        }

        if (variable is null && ImageDefaultsApply(instance, environment))
        {
            var (addTo, at) = instance.WhereToAdd;
            return new DatabaseRole(ImageDefaultUser, null, addTo, at, $"{ImageDefaultUser} (the image's default)");
        }

        return null;
    }

    /// <summary>The official image with its whole configuration in view: nothing hidden may set USER or HOST.</summary>
    private static bool ImageDefaultsApply(OdooInstance instance, ContainerEnvironment environment) =>
        instance.ConfigKnown && OdooInstances.IsOfficialImage(instance.Container.Image) && !environment.HasHiddenSources(instance.Container, instance.Workload.Origin);

    private static bool IsOfficialPostgres(string? image)
    {
        if (image is null)
        {
            return false;
        }

        var repository = ImageReference.Parse(image).Repository;
        return repository is "postgres" or "library/postgres" or "docker.io/library/postgres" or "docker.io/postgres" or "postgis/postgis" or "docker.io/postgis/postgis";
    }

    private sealed record DatabaseRole(string? Value, ValueReference? Reference, FactOrigin Origin, FactLocation At, string Shown);
}
