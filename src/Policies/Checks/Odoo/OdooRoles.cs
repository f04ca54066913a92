using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// What each Odoo server does in its tenant: a web server (a Service selects it) or a dedicated cron runner (its HTTP
/// server is off: <c>--no-http</c> or <c>http_enable = False</c>). A tenant is a namespace, narrowed by the
/// <c>app.kubernetes.io/instance</c> label when pods carry it.
/// </summary>
internal static class OdooRoles
{
    public static bool IsWeb(OdooInstance instance, IReadOnlyList<ServiceFact> services) =>
        services.Any(s => OdooInstances.BehindService(new[] { instance }, s).Any());

    public static bool IsCronRunner(OdooInstance instance) =>
        instance.Setting("http_enable") is { IsOn: false } && instance.Workload.Kind is not ("Job" or "CronJob" or "Pod");

    public static string Tenant(OdooInstance instance) =>
        (instance.Workload.Origin.Namespace ?? string.Empty) + "\u001f" + (instance.Workload.PodLabels.TryGetValue("app.kubernetes.io/instance", out var name) ? name : string.Empty);
}
