using System;
using System.Net;

namespace PolicyKit.Policies.CrossResource;

/// <summary>
/// A host name read as the in-cluster DNS name of a Service: <c>name</c>, <c>name.namespace</c>,
/// <c>name.namespace.svc</c> or <c>name.namespace.svc.cluster.local</c>; a URL (<c>redis://:pw@name:6379/0</c>) is
/// read for its host. Anything else (an IP address, <c>localhost</c>, a name outside the cluster) is no Service.
/// </summary>
internal readonly record struct ServiceAddress(string Name, string? Namespace)
{
    public static ServiceAddress? Parse(string? text, string? defaultNamespace)
    {
        if (text is null)
        {
            return null;
        }

        var host = text.Trim();
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host.Substring(scheme + 3);
            var end = host.IndexOfAny(new[] { '/', '?' });
            host = end < 0 ? host : host.Substring(0, end);
            var credentials = host.LastIndexOf('@');
            host = credentials < 0 ? host : host.Substring(credentials + 1);
        }

        var port = host.LastIndexOf(':');
        host = (port < 0 ? host : host.Substring(0, port)).TrimEnd('.').ToLowerInvariant();
        if (host.Length == 0 || host == "localhost" || IPAddress.TryParse(host, out _) || host.IndexOfAny(new[] { '$', '{', '}', '/' }) >= 0)
        {
            return null;
        }

        var labels = host.Split('.');
        if (labels.Length == 1)
        {
            return new ServiceAddress(labels[0], defaultNamespace);
        }

        var rest = string.Join(".", labels, 2, labels.Length - 2);
        return labels.Length == 2 || rest is "svc" or "svc.cluster.local"
            ? new ServiceAddress(labels[0], labels[1])
            : null;
    }
}
