using System.Reflection;

namespace PolicyKit.Policies.Reports;

/// <summary>The name and version reports attribute themselves to.</summary>
public sealed record ToolInfo(string Name, string Version, string InformationUri)
{
    /// <summary>The engine's own identity: its informational version without build metadata, so output stays reproducible.</summary>
    public static ToolInfo Engine { get; } = new(
        "policykit",
        (typeof(ToolInfo).GetTypeInfo().Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0],
        "https://github.com/policykit/policykit");
}
