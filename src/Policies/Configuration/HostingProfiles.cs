using System;
using System.Collections.Generic;

namespace PolicyKit.Policies.Configuration;

/// <summary>
/// How an environment hosts Odoo (docs/configuration.md): <c>multi-tenant</c>, many customers' Odoo on one cluster, or
/// <c>dedicated</c>, one customer per cluster or namespace. Rules may apply to some profiles only (docs/rule-format.md).
/// </summary>
public static class HostingProfiles
{
    public const string MultiTenant = "multi-tenant";

    public const string Dedicated = "dedicated";

    public static readonly IReadOnlyList<string> All = new[] { MultiTenant, Dedicated };

    public static bool IsKnown(string profile) => Array.IndexOf((string[])All, profile) >= 0;

    public static string Choices => string.Join(" or ", All);
}
