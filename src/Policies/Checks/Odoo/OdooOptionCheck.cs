using System;
using System.Collections.Generic;
using System.Linq;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// One Odoo option must take an expected value in each Odoo server (command line over <c>odoo.conf</c> over the
/// image's environment, Odoo's own default when none sets it). Parameters:
/// <c>option</c>; <c>expect</c> — <c>on</c>, <c>off</c>, <c>set</c> (non-empty and not in <c>forbidden</c>),
/// <c>positive</c> (a whole number above 0), <c>oneOf</c> or <c>notOneOf</c> <c>values</c>; <c>default</c> — the value
/// Odoo uses when nothing sets it (omitted: an unset option is not judged, except by <c>set</c>);
/// <c>production</c> — judge production environments only; <c>servingHttp</c> — judge only servers a Service selects;
/// <c>whenOn</c> and <c>whenOnDefault</c> — judge only when that other option is on; <c>maxMajorVersion</c> — skip
/// servers whose image tag says a newer Odoo. A <c>.conf</c> file or ConfigMap no server in the input mounts is judged
/// only on a value it writes itself, since flags elsewhere may override what it leaves out.
/// </summary>
internal sealed class OdooOptionCheck : CrossResourceCheck
{
    private static readonly string[] Expectations = { "on", "off", "set", "positive", "oneOf", "notOneOf" };

    private readonly string option;
    private readonly string expect;
    private readonly IReadOnlyList<string> values;
    private readonly IReadOnlyList<string> forbidden;
    private readonly string? defaultValue;
    private readonly bool productionOnly;
    private readonly bool servingHttp;
    private readonly string? whenOn;
    private readonly string? whenOnDefault;
    private readonly int? maxMajorVersion;

    public OdooOptionCheck(CheckParameters parameters)
    {
        option = parameters.GetRequiredString("option");
        expect = parameters.GetChoice("expect", Expectations, "set");
        values = parameters.GetStringList("values", Array.Empty<string>());
        forbidden = parameters.GetStringList("forbidden", Array.Empty<string>());
        defaultValue = parameters.GetString("default");
        productionOnly = parameters.GetBool("production", false);
        servingHttp = parameters.GetBool("servingHttp", false);
        whenOn = parameters.GetString("whenOn");
        whenOnDefault = parameters.GetString("whenOnDefault");
        var max = parameters.GetString("maxMajorVersion");
        maxMajorVersion = max is null ? null : int.TryParse(max, out var major) ? major : throw parameters.Error(parameters.GetScalar("maxMajorVersion"), "maxMajorVersion must be a whole number");
        if (expect is "oneOf" or "notOneOf" && values.Count == 0)
        {
            throw parameters.Error(parameters.GetScalar("expect"), $"expect: {expect} needs 'values'");
        }
    }

    public override void Judge(CrossResourceIndex index, CrossResourceSink sink)
    {
        var instances = OdooInstances.In(index);
        var services = index.All<ServiceFact>().ToList();
        foreach (var instance in instances)
        {
            if ((productionOnly && !instance.Workload.Origin.IsProduction)
                || (servingHttp && !services.Any(s => OdooInstances.BehindService(new[] { instance }, s).Any()))
                || (maxMajorVersion is { } max && instance.MajorVersion is { } major && major > max)
                || !Applies(instance))
            {
                continue;
            }

            var setting = instance.Setting(option);
            if (setting is null && (!instance.ConfigKnown || (defaultValue is null && expect != "set")))
            {
                continue;
            }

            var value = setting?.Value ?? defaultValue;
            if (Satisfied(value))
            {
                continue;
            }

            var (origin, at) = setting is null ? instance.WhereToAdd : (setting.Origin, setting.At);
            Report(sink, origin, at, instance.Describe(), setting, value);
        }

        var mounted = new HashSet<OdooConfigFact>(instances.Where(i => i.Config is not null).Select(i => i.Config!));
        foreach (var config in index.All<OdooConfigFact>())
        {
            if (mounted.Contains(config) || (productionOnly && !config.Origin.IsProduction) || servingHttp || whenOn is not null
                || config.Option(option) is not { } line || Satisfied(line.Value))
            {
                continue;
            }

            var describe = config.IsConfigMap ? $"{config.Origin.Identity} ({config.DataKey})" : config.Origin.Name ?? "odoo.conf";
            Report(sink, config.Origin, line.At, describe, new OdooSetting(option, line.Value, OdooSettingSource.ConfigFile, config.Origin, line.At), line.Value);
        }
    }

    private bool Applies(OdooInstance instance)
    {
        if (whenOn is null)
        {
            return true;
        }

        var condition = instance.Setting(whenOn);
        if (condition is null && !instance.ConfigKnown)
        {
            return false;
        }

        var value = condition?.Value ?? whenOnDefault;
        return value is not null && !OdooValues.IsOff(value);
    }

    private bool Satisfied(string? value)
    {
        switch (expect)
        {
            case "on":
                return value is not null && !OdooValues.IsOff(value);
            case "off":
                return value is not null && OdooValues.IsOff(value);
            case "positive":
                return value is not null && OdooValues.Integer(value) is > 0;
            case "oneOf":
                return value is not null && values.Any(v => string.Equals(v, value.Trim(), StringComparison.OrdinalIgnoreCase));
            case "notOneOf":
                return value is null || !values.Any(v => string.Equals(v, value.Trim(), StringComparison.OrdinalIgnoreCase));
            default:
                return value is not null && !OdooValues.IsOff(value) && !forbidden.Contains(value.Trim());
        }
    }

    private void Report(CrossResourceSink sink, FactOrigin origin, FactLocation at, string odoo, OdooSetting? setting, string? value) =>
        sink.Report(
            origin,
            at,
            CrossResourceSink.Argument("odoo", odoo),
            CrossResourceSink.Argument("option", option),
            CrossResourceSink.Argument("setting", setting is null ? (value is null ? "not set" : $"not set (Odoo's default: {value})") : $"set to {Shown(setting.Value)}"));

    /// <summary>A credential's value is never shown, only what is wrong with it.</summary>
    private string Shown(string value) =>
        value.Trim().Length == 0 ? "an empty value"
        : Policies.Secrets.OdooConfigText.CredentialOptions.Contains(option) ? (forbidden.Contains(value.Trim()) ? "a well-known default" : "a value")
        : value.Trim();
}
