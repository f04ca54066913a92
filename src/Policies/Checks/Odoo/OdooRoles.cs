
namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// Roles of Odoo servers in a tenant: a dedicated cron runner has its HTTP server off (<c>--no-http</c> or
/// <c>http_enable = False</c>). A tenant is a namespace, narrowed by the
/// <c>app.kubernetes.io/instance</c> label when pods carry it.
/// </summary>
internal static class OdooRoles
{
    public static bool IsCronRunner(OdooInstance instance) =>
        instance.Setting("http_enable") is { IsOn: false } && instance.Workload.Kind is not ("Job" or "CronJob" or "Pod");

    public static string Tenant(OdooInstance instance) =>
        (instance.Workload.Origin.Namespace ?? string.Empty) + "\u001f" + (instance.Workload.PodLabels.TryGetValue("app.kubernetes.io/instance", out var name) ? name : string.Empty);
}
