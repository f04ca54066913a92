using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PolicyKit.Policies.Checks.Odoo;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;
using PolicyKit.Policies.CrossResource.Platform;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A Redis that holds Odoo's sessions must keep them on disk, on a volume that outlives the pod. Odoo stores its sessions
/// in Redis through a session-store addon: camptocamp's <c>session_redis</c> (<c>ODOO_SESSION_REDIS</c> on, the server
/// in <c>ODOO_SESSION_REDIS_URL</c> or <c>ODOO_SESSION_REDIS_HOST</c>) and its forks (<c>session_redis = True</c> with
/// <c>redis_url</c>/<c>redis_host</c> in <c>odoo.conf</c>, or the same <c>odoo_session_redis_*</c> names there), Smile's (<c>enable_redis = True</c>, <c>redis_host</c>), or
/// <c>session_store = redis</c>; with the switch on, <c>REDIS_URL</c>/<c>REDIS_HOST</c> also name the server. The host
/// must name a Service whose pods run Redis. Reports persistence turned off (<c>--save ""</c> without
/// <c>--appendonly yes</c>; Bitnami's <c>REDIS_RDB_POLICY_DISABLED=yes</c> with <c>REDIS_AOF_ENABLED=no</c>) at that
/// setting, else a data directory (<c>--dir</c>, else <c>/data</c>; Bitnami's <c>/bitnami/redis/data</c>) on an
/// <c>emptyDir</c> or the container's own filesystem. A configuration file on the command line hides both: not judged.
/// A Redis no Odoo uses for sessions (a cache) is not judged.
/// </summary>
internal sealed class RedisSessionPersistenceCheck : CrossResourceCheck
{
    private static readonly Regex AppendOnlyOn = new(@"--appendonly\s+[""']?yes\b", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex SaveOff = new(@"--save(\s+(""""|'')|\s*$)", RegexOptions.CultureInvariant | RegexOptions.Compiled);
    private static readonly Regex DataDirFlag = new(@"--dir\s+[""']?(?<dir>/[^\s""']*)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    public RedisSessionPersistenceCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var services = index.All<ServiceFact>().ToLookup(s => (s.Origin.Namespace ?? string.Empty, s.Origin.Name ?? string.Empty));
        var redisServers = index.All<RedisWorkloadFact>().ToList();
        var redisByNamespace = redisServers.ToLookup(r => r.Origin.Namespace ?? string.Empty);
        var sessionStores = new Dictionary<RedisWorkloadFact, OdooInstance>();
        var environment = ContainerEnvironment.For(index);
        foreach (var instance in OdooTopology.For(index).Instances)
        {
            if (ServiceAddress.Parse(SessionHost(instance, environment), instance.Workload.Origin.Namespace) is not { } address)
            {
                continue;
            }

            foreach (var service in services[(address.Namespace ?? string.Empty, address.Name)])
            {
                foreach (var redis in redisByNamespace[service.Origin.Namespace ?? string.Empty].Where(r => Selects(service, r)))
                {
                    if (!sessionStores.ContainsKey(redis))
                    {
                        sessionStores[redis] = instance;
                    }
                }
            }
        }

        if (sessionStores.Count == 0)
        {
            return;
        }

        var workloads = index.All<WorkloadFact>().ToDictionary(w => w.Origin);
        var claimTemplates = index.All<PersistentVolumeClaimFact>().Where(c => c.Origin.Identity.Kind == "StatefulSet").ToList();
        foreach (var redis in redisServers.Where(sessionStores.ContainsKey))
        {
            if (!workloads.TryGetValue(redis.Origin, out var workload) || workload.Containers.FirstOrDefault(c => c.Name == redis.ContainerName && c.List == "containers") is not { } container)
            {
                continue;
            }

            var odoo = sessionStores[redis].Describe();
            if (PersistenceOff(redis, container) is { } off)
            {
                Report(sink, redis, off.At, odoo, off.Problem);
                continue;
            }

            var commandLine = string.Join(" ", container.CommandLine.Select(v => v.Value));
            var dataDirs = DataDirs(redis, commandLine);
            if (dataDirs.Length == 0)
            {
                continue;
            }

            var mount = container.Mounts.FirstOrDefault(m => dataDirs.Any(d => Holds(m.MountPath, d)));
            if (mount is null)
            {
                Report(sink, redis, redis.ContainerAt, odoo, $"keeps its data ({dataDirs[0]}) on the container's own filesystem, lost with the pod; mount a PersistentVolumeClaim there (a StatefulSet volumeClaimTemplate)");
                continue;
            }

            if (claimTemplates.Any(c => ReferenceEquals(c.Origin, redis.Origin) && c.ClaimName == mount.Volume))
            {
                continue;
            }

            if (workload.Volume(mount.Volume) is { SourceKind: "emptyDir" } volume)
            {
                Report(sink, redis, volume.At, odoo, $"keeps its data ({mount.MountPath}) on the emptyDir volume \"{volume.Name}\", lost with the pod; use a PersistentVolumeClaim (a StatefulSet volumeClaimTemplate)");
            }
        }
    }

    /// <summary>The Redis host an Odoo server keeps its sessions in, when a session-store addon is switched on.</summary>
    private static string? SessionHost(OdooInstance instance, ContainerEnvironment environment)
    {
        string? Variable(string name) => environment.Variable(instance.Container, instance.Workload.Origin, name)?.Value;
        var fromEnvironment = IsOn(Variable("ODOO_SESSION_REDIS"));
        var fromConfig = instance.Setting("session_redis") is { IsOn: true } || instance.Setting("enable_redis") is { IsOn: true }
            || instance.Setting("odoo_session_redis") is { IsOn: true }
            || string.Equals(instance.Setting("session_store")?.Value.Trim(), "redis", StringComparison.OrdinalIgnoreCase);
        if (!fromEnvironment && !fromConfig)
        {
            return null;
        }

        return Variable("ODOO_SESSION_REDIS_URL")
            ?? Variable("ODOO_SESSION_REDIS_HOST")
            ?? instance.Setting("redis_url")?.Value
            ?? instance.Setting("redis_host")?.Value
            ?? instance.Setting("odoo_session_redis_url")?.Value
            ?? instance.Setting("odoo_session_redis_host")?.Value
            ?? Variable("REDIS_URL")
            ?? Variable("REDIS_HOST");
    }

    private static bool IsOn(string? value) => value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    private static bool Selects(ServiceFact service, RedisWorkloadFact redis)
    {
        if (service.Selector is not { Count: > 0 } selector)
        {
            return false;
        }

        return selector.All(pair => redis.PodLabels.TryGetValue(pair.Key, out var value) && value == pair.Value);
    }

    private static (FactLocation At, string Problem)? PersistenceOff(RedisWorkloadFact redis, ContainerFact container)
    {
        if (redis.IsBitnami)
        {
            var aof = container.Variable("REDIS_AOF_ENABLED");
            var rdbOff = container.Variable("REDIS_RDB_POLICY_DISABLED");
            return aof?.Value?.Trim().ToLowerInvariant() is "no" or "false" && IsOn(rdbOff?.Value)
                ? (aof.At, "sets REDIS_AOF_ENABLED=no and REDIS_RDB_POLICY_DISABLED=yes, so it writes no sessions to disk")
                : null;
        }

        var items = container.CommandLine.ToList();
        var commandLine = string.Join(" ", items.Select(v => v.Value));
        if (AppendOnlyOn.IsMatch(commandLine))
        {
            return null;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var value = items[i].Value.Trim();
            var emptyNext = value == "--save" && i + 1 < items.Count && items[i + 1].Value.Trim() is "" or "\"\"" or "''";
            if (emptyNext || (value != "--save" && SaveOff.IsMatch(value)))
            {
                return (items[i].At, "starts with --save \"\" and without --appendonly yes, so it writes no sessions to disk");
            }
        }

        return null;
    }

    private static string[] DataDirs(RedisWorkloadFact redis, string commandLine)
    {
        if (DataDirFlag.Match(commandLine) is { Success: true } flag)
        {
            return new[] { flag.Groups["dir"].Value };
        }

        if (commandLine.IndexOf(".conf", StringComparison.Ordinal) >= 0)
        {
            return Array.Empty<string>();
        }

        return redis.IsBitnami ? new[] { "/bitnami/redis/data", "/data" } : new[] { "/data" };
    }

    private static bool Holds(string mountPath, string directory)
    {
        var mount = mountPath.TrimEnd('/');
        var path = directory.TrimEnd('/');
        return path == mount || path.StartsWith(mount + "/", StringComparison.Ordinal) || mount.Length == 0;
    }

    private static void Report(CrossResourceSink sink, RedisWorkloadFact redis, FactLocation at, string odoo, string problem) =>
        sink.Report(redis, at, CrossResourceSink.Argument("container", redis.ContainerName), CrossResourceSink.Argument("odoo", odoo), CrossResourceSink.Argument("problem", problem));
}
