using System;
using System.Collections.Generic;
using PolicyKit.Policies.Checks.Platform;
using PolicyKit.Policies.Checks.PodSecurity;
using PolicyKit.Policies.Checks.Provenance;
using PolicyKit.Policies.Checks.Secrets;
using PolicyKit.Policies.Exceptions;

namespace PolicyKit.Policies.Checks;

/// <summary>The built-in checks by the name rule files use for them.</summary>
public static class CheckRegistry
{
    private static readonly Dictionary<string, Func<CheckParameters, Check>> Factories = new(StringComparer.Ordinal)
    {
        ["image-digest"] = p => new ImageDigestCheck(p),
        ["image-tag"] = p => new ImageTagCheck(p),
        ["container-resources"] = p => new ContainerResourcesCheck(p),
        ["container-probe"] = p => new ContainerProbeCheck(p),
        ["container-security-context"] = p => new ContainerSecurityContextCheck(p),
        ["pod-field"] = p => new PodFieldCheck(p),
        ["volume-type"] = p => new VolumeTypeCheck(p),
        ["resource-field"] = p => new ResourceFieldCheck(p),
        ["removed-api"] = p => new RemovedApiCheck(p),
        ["input"] = p => new InputCheck(p),
        ["exception-record"] = p => new ExceptionRecordCheck(p),
        ["governance-change"] = p => new Diff.Governance.GovernanceChangeCheck(p),
        ["rbac-access"] = p => new Diff.Access.RbacAccessCheck(p),

        // Secret handling (rules/secrets).
        ["secret-plaintext"] = p => new SecretPlaintextCheck(p),
        ["env-literal-credential"] = p => new EnvLiteralCredentialCheck(p),
        ["configmap-credential"] = p => new ConfigMapCredentialCheck(p),
        ["odoo-config-credential"] = p => new OdooConfigCredentialCheck(p),
        ["token-in-value"] = p => new TokenInValueCheck(p),
        ["secret-rotation"] = p => new SecretRotationCheck(p),

        // Image provenance: evidence verified by the door, judged against the policy's provenance section (rules/provenance).
        ["provenance-registry"] = p => new ProvenanceRegistryCheck(p),
        ["provenance-evidence"] = p => new ProvenanceEvidenceCheck(p),
        ["provenance-verification"] = p => new ProvenanceVerificationCheck(p),
        ["provenance-identity"] = p => new ProvenanceIdentityCheck(p),
        ["provenance-slsa"] = p => new ProvenanceSlsaCheck(p),

        // Platform components around Odoo: Traefik, CloudNativePG, Redis, backups, availability (rules/platform).
        ["traefik-route-tls"] = p => new TraefikRouteTlsCheck(p),
        ["cnpg-backup"] = p => new CnpgBackupCheck(p),
        ["cnpg-instances"] = p => new CnpgInstancesCheck(p),
        ["redis-auth"] = p => new RedisAuthCheck(p),
        ["filestore-backup"] = p => new FilestoreBackupCheck(p),
        ["hpa-bounds"] = p => new HorizontalPodAutoscalerBoundsCheck(p),
        ["odoo-web-spread"] = p => new OdooWebSpreadCheck(p),
        ["traefik-hsts"] = p => new TraefikHstsCheck(p),
        ["traefik-middleware-reference"] = p => new TraefikMiddlewareReferenceCheck(p),
        ["traefik-service-reference"] = p => new TraefikServiceReferenceCheck(p),
        ["cnpg-scheduled-backup"] = p => new CnpgScheduledBackupCheck(p),
        ["external-secret-store"] = p => new ExternalSecretStoreCheck(p),
        ["redis-network-exposure"] = p => new RedisNetworkExposureCheck(p),
        ["filestore-backup-coverage"] = p => new FilestoreBackupCoverageCheck(p),
        ["redis-session-persistence"] = p => new RedisSessionPersistenceCheck(p),
        ["odoo-web-disruption-budget"] = p => new OdooWebDisruptionBudgetCheck(p),
        ["odoo-web-replicas"] = p => new OdooWebReplicasCheck(p),
        ["tenant-namespace"] = p => new TenantNamespaceCheck(p),
        ["tenant-default-deny"] = p => new TenantDefaultDenyCheck(p),
        ["tenant-network-sources"] = p => new TenantNetworkSourcesCheck(p),
        ["tenant-namespace-guard"] = p => new TenantNamespaceGuardCheck(p),
        ["tenant-secret-reference"] = p => new TenantSecretReferenceCheck(p),

        // Cross-resource checks, judged once every file is read over the facts collectors recorded (rules/odoo).
        ["odoo-proxy-mode"] = p => new Odoo.OdooProxyModeCheck(p),
        ["odoo-option"] = p => new Odoo.OdooOptionCheck(p),
        ["odoo-websocket-route"] = p => new Odoo.OdooWebsocketRouteCheck(p),
        ["odoo-cron"] = p => new Odoo.OdooCronCheck(p),
        ["odoo-image-consistency"] = p => new Odoo.OdooImageConsistencyCheck(p),
        ["odoo-memory-limits"] = p => new Odoo.OdooMemoryLimitCheck(p),
        ["odoo-time-limits"] = p => new Odoo.OdooTimeLimitCheck(p),
        ["odoo-worker-count"] = p => new Odoo.OdooWorkerCountCheck(p),
        ["odoo-filestore-volume"] = p => new Odoo.OdooFilestoreVolumeCheck(p),
        ["odoo-database-tls"] = p => new Odoo.OdooDatabaseTlsCheck(p),
        ["odoo-database-superuser"] = p => new Odoo.OdooDatabaseSuperuserCheck(p),
        ["odoo-database-manager-route"] = p => new Odoo.OdooDatabaseManagerRouteCheck(p),

        // Pod Security Standards: one check per upstream control (rules/pss).
        ["pss-host-namespaces"] = p => new PodSecurityCheck("hostNamespaces", p),
        ["pss-privileged"] = p => new PodSecurityCheck("privileged", p),
        ["pss-capabilities-baseline"] = p => new PodSecurityCheck("capabilities_baseline", p),
        ["pss-host-path-volumes"] = p => new PodSecurityCheck("hostPathVolumes", p),
        ["pss-host-ports"] = p => new PodSecurityCheck("hostPorts", p),
        ["pss-app-armor-profile"] = p => new PodSecurityCheck("appArmorProfile", p),
        ["pss-se-linux-options"] = p => new PodSecurityCheck("seLinuxOptions", p),
        ["pss-proc-mount"] = p => new PodSecurityCheck("procMount", p),
        ["pss-seccomp-profile-baseline"] = p => new PodSecurityCheck("seccompProfile_baseline", p),
        ["pss-sysctls"] = p => new PodSecurityCheck("sysctls", p),
        ["pss-windows-host-process"] = p => new PodSecurityCheck("windowsHostProcess", p),
        ["pss-host-probes-and-host-lifecycle"] = p => new PodSecurityCheck("hostProbesAndHostLifecycle", p),
        ["pss-restricted-volumes"] = p => new PodSecurityCheck("restrictedVolumes", p),
        ["pss-allow-privilege-escalation"] = p => new PodSecurityCheck("allowPrivilegeEscalation", p),
        ["pss-run-as-non-root"] = p => new PodSecurityCheck("runAsNonRoot", p),
        ["pss-run-as-user"] = p => new PodSecurityCheck("runAsUser", p),
        ["pss-seccomp-profile-restricted"] = p => new PodSecurityCheck("seccompProfile_restricted", p),
        ["pss-capabilities-restricted"] = p => new PodSecurityCheck("capabilities_restricted", p),
        ["pss-proc-mount-restricted"] = p => new PodSecurityCheck("procMount_restricted", p),
    };

    public static IReadOnlyCollection<string> Names => Factories.Keys;

    public static bool TryCreate(string name, CheckParameters parameters, out Check check)
    {
        if (!Factories.TryGetValue(name, out var factory))
        {
            check = null!;
            return false;
        }

        check = factory(parameters);
        parameters.EnsureAllRead(name);
        return true;
    }
}
