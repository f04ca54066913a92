using System.Globalization;
using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// A CloudNativePG <c>Cluster</c> in a production environment runs fewer than <c>minInstances</c> PostgreSQL instances
/// (<c>spec.instances</c>, default 1), so a node drain or failure stops the database until it is rescheduled.
/// </summary>
public sealed class CnpgInstancesCheck : Check
{
    private readonly int minimum;

    public CnpgInstancesCheck(CheckParameters parameters)
    {
        var text = parameters.GetString("minInstances") ?? "2";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out minimum) || minimum < 1)
        {
            throw parameters.Error(parameters.GetScalar("minInstances"), "parameter 'minInstances' must be a positive whole number");
        }

    }

    public override bool AppliesToKind(string kind) => kind == "Cluster";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (!PlatformApis.IsCloudNativePg(resource.Identity, "Cluster") || !sink.Context.IsProduction
            || resource.Root.GetMapping("spec") is not { } spec)
        {
            return;
        }

        var instances = spec.GetScalar("instances");
        var count = 1;
        if (instances is { IsNull: false } && !int.TryParse(instances.Value, NumberStyles.None, CultureInfo.InvariantCulture, out count))
        {
            return;
        }

        if (count < minimum)
        {
            var at = instances is { IsNull: false } ? instances : (Yaml.YamlNode)(spec.TryGetEntry("instances", out var entry) ? entry.Key : resource.KindNode);
            sink.Report(
                at,
                "spec.instances",
                ViolationSink.Argument("instances", instances is { IsNull: false } ? count.ToString(CultureInfo.InvariantCulture) : "unset (1)"),
                ViolationSink.Argument("minimum", minimum.ToString(CultureInfo.InvariantCulture)),
                ViolationSink.Argument("environment", sink.Context.EnvironmentName ?? string.Empty));
        }
    }
}
