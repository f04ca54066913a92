using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using PolicyKit.Policies.CrossResource;
using PolicyKit.Policies.CrossResource.Facts;

namespace PolicyKit.Policies.Checks.Odoo;

/// <summary>
/// One Odoo server container as deployed: its workload, the <c>odoo.conf</c> it mounts from a ConfigMap in the input
/// (if any), and its command line and environment. <see cref="Setting"/> answers what an option is, with Odoo's
/// precedence: the command line over the file, the file over the official image's environment variables
/// (<c>HOST</c>, <c>PORT</c>, <c>USER</c>, <c>PASSWORD</c>, which its entrypoint passes only when the file is silent).
/// </summary>
internal sealed class OdooInstance
{
    /// <summary>The entrypoint of the official image passes these variables as database options.</summary>
    private static readonly Dictionary<string, string> ImageEnvironment = new(StringComparer.Ordinal)
    {
        ["db_host"] = "HOST",
        ["db_port"] = "PORT",
        ["db_user"] = "USER",
        ["db_password"] = "PASSWORD",
    };

    private static readonly Regex VersionTag = new(@"^(?<major>[0-9]{1,2})(\.[0-9]+)?(\b|[-_.])", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private readonly IReadOnlyList<(string Option, WrittenValue Written, string Value)> commandLine;

    public OdooInstance(WorkloadFact workload, ContainerFact container, OdooConfigFact? config, bool configKnown)
    {
        Workload = workload;
        Container = container;
        Config = config;
        ConfigKnown = configKnown;
        commandLine = OdooCommandLine.Read(container.CommandLine);
    }

    public WorkloadFact Workload { get; }

    public ContainerFact Container { get; }

    /// <summary>The <c>odoo.conf</c> the container mounts from a ConfigMap in the input; null when none is visible.</summary>
    public OdooConfigFact? Config { get; }

    /// <summary>
    /// Whether the input shows the whole configuration: a mounted ConfigMap that is in the input, or the official image
    /// with no configuration mounted (its built-in file sets nothing the rules judge). When false, rules about options
    /// the input does not show stay quiet.
    /// </summary>
    public bool ConfigKnown { get; }

    /// <summary>The Odoo major version from the image tag (<c>odoo:16.0</c> is 16), when the tag says.</summary>
    public int? MajorVersion
    {
        get
        {
            var tag = Container.Image is null ? null : ImageReference.Parse(Container.Image).Tag;
            var match = tag is null ? null : VersionTag.Match(tag + " ");
            return match is { Success: true } && int.TryParse(match.Groups["major"].Value, out var major) && major >= 8 ? major : null;
        }
    }

    /// <summary>The option's effective value and where it is written; null when nothing in the input sets it.</summary>
    public OdooSetting? Setting(string option)
    {
        OdooSetting? fromCommandLine = null;
        foreach (var (name, written, value) in commandLine)
        {
            if (name == option)
            {
                fromCommandLine = new OdooSetting(option, value, OdooSettingSource.CommandLine, Workload.Origin, written.At);
            }
        }

        if (fromCommandLine is not null)
        {
            return fromCommandLine;
        }

        if (Config?.Option(option) is { } line)
        {
            return new OdooSetting(option, line.Value, OdooSettingSource.ConfigFile, Config.Origin, line.At);
        }

        if (ImageEnvironment.TryGetValue(option, out var variableName) && Container.Variable(variableName) is { Value: { } literal } variable)
        {
            return new OdooSetting(option, literal, OdooSettingSource.Environment, Workload.Origin, variable.At);
        }

        return null;
    }

    /// <summary>Where an option that is missing should be added: the mounted <c>odoo.conf</c>'s <c>[options]</c>, else the arguments.</summary>
    public (FactOrigin Origin, FactLocation At) WhereToAdd => Config is { } config ? (config.Origin, config.HeaderAt) : (Workload.Origin, Container.ArgsAt);

    /// <summary>A readable name for messages: <c>Deployment odoo-acme/odoo-web, container "odoo"</c>.</summary>
    public string Describe() => $"{Workload.Origin.Identity} (container \"{Container.Name}\")";
}
