using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// An Odoo server that an Ingress or IngressRoute reaches (route → Service → pods selected) must run with
/// <c>proxy_mode</c> on, or it takes the proxy's address for the client's and builds URLs with the wrong scheme and host.
/// Quiet when no route reaches it or when its configuration is not in the input.
/// </summary>
internal sealed class OdooProxyModeCheck : CrossResourceCheck
{
    public OdooProxyModeCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var instances = OdooInstances.In(index);
        if (instances.Count == 0)
        {
            return;
        }

        foreach (var route in index.All<RouteFact>())
        {
            foreach (var service in OdooInstances.ServicesOf(index, route))
            {
                foreach (var instance in OdooInstances.BehindService(instances, service))
                {
                    if (!instance.ConfigKnown)
                    {
                        continue;
                    }

                    var setting = instance.Setting("proxy_mode");
                    if (setting is { IsOn: true })
                    {
                        continue;
                    }

                    var (origin, at) = setting is null ? instance.WhereToAdd : (setting.Origin, setting.At);
                    sink.Report(
                        origin,
                        at,
                        CrossResourceSink.Argument("odoo", instance.Describe()),
                        CrossResourceSink.Argument("route", route.Origin.Identity.ToString()),
                        CrossResourceSink.Argument("setting", setting is null ? "not set" : $"set to {setting.Value}"));
                }
            }
        }
    }
}
