using System.Linq;
using PolicyKit.Policies.CrossResource;

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
        var topology = OdooTopology.For(index);
        var instances = topology.Instances;
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

        // The first runner of each tenant, looked up rather than searched for each web server of every tenant.
        var runnerOf = new System.Collections.Generic.Dictionary<string, OdooInstance>(System.StringComparer.Ordinal);
        foreach (var runner in runners)
        {
            var tenant = OdooRoles.Tenant(runner);
            if (!runnerOf.ContainsKey(tenant))
            {
                runnerOf[tenant] = runner;
            }
        }

        foreach (var web in instances.Where(i => !OdooRoles.IsCronRunner(i) && topology.IsSelected(i)))
        {
            if (!runnerOf.TryGetValue(OdooRoles.Tenant(web), out var runner))
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
