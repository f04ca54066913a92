using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// With <c>workers</c> above 0 Odoo serves its live channel from a separate gevent process on <c>gevent_port</c>
/// (default 8072): <c>/websocket</c> from Odoo 16, <c>/longpolling</c> up to 15 (either when the image tag does not say).
/// Some route that reaches the server must send that path to the gevent port, through a Service that exposes it.
/// Quiet when no route reaches the server or when its worker count is not in the input.
/// </summary>
internal sealed class OdooWebsocketRouteCheck : CrossResourceCheck
{
    private const int DefaultGeventPort = 8072;

    public OdooWebsocketRouteCheck(CheckParameters parameters)
    {
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var routes = index.All<RouteFact>().ToList();
        if (routes.Count == 0)
        {
            return;
        }

        foreach (var instance in OdooInstances.In(index))
        {
            var workers = instance.Setting("workers");
            if ((workers is null && !instance.ConfigKnown) || OdooValues.Integer(workers?.Value ?? "0") is not > 0)
            {
                continue;
            }

            var reaching = new List<(RouteFact Route, ServiceFact Service)>();
            foreach (var route in routes)
            {
                foreach (var service in OdooInstances.ServicesOf(index, route))
                {
                    if (OdooInstances.BehindService(new[] { instance }, service).Any())
                    {
                        reaching.Add((route, service));
                    }
                }
            }

            if (reaching.Count == 0)
            {
                continue;
            }

            var geventSetting = instance.Setting("gevent_port");
            var gevent = (int?)OdooValues.Integer(geventSetting?.Value ?? string.Empty) ?? DefaultGeventPort;
            var paths = instance.MajorVersion switch
            {
                <= 15 => new[] { "/longpolling" },
                >= 16 => new[] { "/websocket" },
                _ => new[] { "/websocket", "/longpolling" },
            };

            if (reaching.Any(r => paths.Any(p => r.Route.Serves(p)) && Target(r.Service, r.Route.ServicePort, instance) == gevent))
            {
                continue;
            }

            var shown = string.Join(" or ", paths);
            var exposing = reaching.Select(r => r.Service).Distinct().ToList();
            if (!exposing.Any(s => s.Ports.Any(p => Target(p, instance) == gevent)))
            {
                var service = exposing[0];
                sink.Report(service, service.PortsAt, Arguments(instance, shown, gevent, $"Service {service.Origin.Identity} exposes no port that reaches it"));
                continue;
            }

            var serving = reaching.FirstOrDefault(r => paths.Any(p => r.Route.Serves(p) && r.Route.Paths.Count > 0)).Route
                ?? reaching.FirstOrDefault(r => paths.Any(p => r.Route.Serves(p))).Route
                ?? reaching[0].Route;
            sink.Report(serving, serving.Source.RouteAt, Arguments(instance, shown, gevent, $"{serving.Origin.Identity} sends it to port {serving.ServicePort ?? "(unnamed)"} of Service {serving.ServiceName}"));
        }
    }

    private static KeyValuePair<string, string>[] Arguments(OdooInstance instance, string path, int port, string problem) => new[]
    {
        CrossResourceSink.Argument("odoo", instance.Describe()),
        CrossResourceSink.Argument("path", path),
        CrossResourceSink.Argument("port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        CrossResourceSink.Argument("problem", problem),
    };

    /// <summary>The container port a route's Service port reaches, or null when it cannot be told.</summary>
    private static int? Target(ServiceFact service, string? routePort, OdooInstance instance)
    {
        var port = routePort is null ? (service.Ports.Count == 1 ? service.Ports[0] : null) : service.PortNamed(routePort);
        return port is null ? null : Target(port, instance);
    }

    private static int? Target(ServicePort port, OdooInstance instance)
    {
        if (port.TargetPort is null)
        {
            return port.Port;
        }

        if (int.TryParse(port.TargetPort, out var number))
        {
            return number;
        }

        return instance.Container.Ports.FirstOrDefault(p => p.Name == port.TargetPort)?.Port;
    }
}
