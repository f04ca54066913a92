using System;
using System.Linq;
using System.Net;
using PolicyKit.Policies.CrossResource;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// A production Odoo server whose database is outside the cluster must encrypt the connection: <c>db_sslmode</c>
/// (Odoo's default <c>prefer</c> falls back to plaintext) at least <c>require</c>. The database is outside when
/// <c>db_host</c> (file, <c>--db_host</c>, or the official image's <c>HOST</c>) is an IP address other than loopback,
/// or a name of three labels or more that is not a cluster name (<c>*.svc</c>, <c>*.svc.cluster.local</c>,
/// <c>*.cluster.local</c>). A bare name is a Service and two labels read as <c>service.namespace</c> (quiet rather
/// than a guess); an unset <c>db_host</c> (the local socket) and <c>localhost</c> (a sidecar proxy) are in the pod.
/// </summary>
internal sealed class OdooDatabaseTlsCheck : CrossResourceCheck
{
    private const string DefaultSslMode = "prefer";

    private static readonly string[] Encrypting = { "require", "verify-ca", "verify-full" };

    public OdooDatabaseTlsCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        foreach (var instance in OdooTopology.For(index).Instances)
        {
            if (!instance.Workload.Origin.IsProduction || instance.Setting("db_host") is not { } host || !IsOutsideCluster(host.Value.Trim()))
            {
                continue;
            }

            var mode = instance.Setting("db_sslmode");
            if (mode is null && !instance.ConfigKnown)
            {
                continue;
            }

            var value = mode?.Value.Trim() ?? DefaultSslMode;
            if (Encrypting.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var (origin, at) = mode is null ? instance.WhereToAdd : (mode.Origin, mode.At);
            sink.Report(
                origin,
                at,
                CrossResourceSink.Argument("odoo", instance.Describe()),
                CrossResourceSink.Argument("host", host.Value.Trim()),
                CrossResourceSink.Argument("setting", mode is null ? $"not set (Odoo's default: {DefaultSslMode})" : $"set to {value}"));
        }
    }

    private static bool IsOutsideCluster(string host)
    {
        if (host.Length == 0 || host.StartsWith("/", StringComparison.Ordinal) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (IPAddress.TryParse(host, out var address))
        {
            return !IPAddress.IsLoopback(address);
        }

        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name.IndexOf('.') < 0 || name.EndsWith(".svc", StringComparison.Ordinal) || name.EndsWith(".cluster.local", StringComparison.Ordinal) || name.Contains(".svc."))
        {
            return false;
        }

        return name.Split('.').Length > 2;
    }
}
