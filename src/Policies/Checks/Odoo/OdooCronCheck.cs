using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// Exactly one place runs Odoo's scheduled actions. <c>problem: web-threads</c>: when a tenant has a dedicated cron
/// runner, its web servers must set <c>max_cron_threads = 0</c> (Odoo's default is 2 per server).
/// <c>problem: replicas</c>: a dedicated cron runner runs one replica.
/// </summary>
internal sealed class OdooCronCheck : CrossResourceCheck
{
    private const string DefaultCronThreads = "2";

    private readonly bool replicas;

    public OdooCronCheck(CheckParameters parameters)
    {
        replicas = parameters.GetChoice("problem", new[] { "web-threads", "replicas" }, "web-threads") == "replicas";
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var instances = OdooInstances.In(index);
        var services = index.All<ServiceFact>().ToList();
        var runners = instances.Where(OdooRoles.IsCronRunner).ToList();
        if (replicas)
        {
            foreach (var runner in runners)
            {
                if (runner.Workload.Replicas is > 1)
                {
                    sink.Report(runner.Workload, runner.Workload.ReplicasAt, CrossResourceSink.Argument("odoo", runner.Describe()), CrossResourceSink.Argument("replicas", runner.Workload.Replicas.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), CrossResourceSink.Argument("runner", runner.Workload.Origin.Identity.ToString()));
                }
            }

            return;
        }

        foreach (var web in instances.Where(i => !OdooRoles.IsCronRunner(i) && OdooRoles.IsWeb(i, services)))
        {
            var runner = runners.FirstOrDefault(r => OdooRoles.Tenant(r) == OdooRoles.Tenant(web));
            if (runner is null)
            {
                continue;
            }

            var setting = web.Setting("max_cron_threads");
            if ((setting is null && !web.ConfigKnown) || OdooValues.Integer(setting?.Value ?? DefaultCronThreads) is 0)
            {
                continue;
            }

            var (origin, at) = setting is null ? web.WhereToAdd : (setting.Origin, setting.At);
            sink.Report(origin, at, CrossResourceSink.Argument("odoo", web.Describe()), CrossResourceSink.Argument("replicas", (setting?.Value ?? DefaultCronThreads).Trim()), CrossResourceSink.Argument("runner", runner.Workload.Origin.Identity.ToString()));
        }
    }
}
