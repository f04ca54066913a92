using PolicyKit.Policies.Model;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// The API groups of the platform custom resources the pack understands by their schema. A kind is only read as such a
/// resource when its group matches: another project's <c>Cluster</c> or <c>Middleware</c> is not CloudNativePG's or
/// Traefik's.
/// </summary>
internal static class PlatformApis
{
    public const string CloudNativePg = "postgresql.cnpg.io";

    public const string BarmanCloud = "barmancloud.cnpg.io";

    /// <summary>The name the Barman Cloud plugin registers under, as a Cluster's <c>spec.plugins[].name</c>.</summary>
    public const string BarmanCloudPlugin = "barman-cloud.cloudnative-pg.io";

    public const string ExternalSecrets = "external-secrets.io";

    /// <summary>Traefik's CRD group since v3 (<c>traefik.io</c>) and before it (<c>traefik.containo.us</c>).</summary>
    public static bool IsTraefik(ResourceIdentity identity) => identity.Group is "traefik.io" or "traefik.containo.us";

    public static bool IsCloudNativePg(ResourceIdentity identity, string kind) => identity.Kind == kind && identity.Group == CloudNativePg;
}
