using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PolicyKit.Bench;

/// <summary>
/// Writes a corpus of Odoo tenants shaped like <c>samples/odoo-distribution</c>: one folder per tenant, a dozen
/// files each (most of them multi-document), per-tenant names, namespaces, versions and sizing, and a seeded sprinkle
/// of the violations real tenant repositories carry. Tenant <c>i</c> depends only on the seed and <c>i</c>, so a
/// corpus can grow by appending tenants and every size is a prefix of the larger ones.
/// </summary>
internal sealed class CorpusGenerator
{
    /// <summary>Bump when the generated content changes, so stale corpora are regenerated rather than reused.</summary>
    public const int FormatVersion = 2;

    public const int DefaultSeed = 20_240_611;

    public const string MarkerFileName = ".policykit-bench.json";

    private const string TenantPrefix = "tenant-";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public CorpusGenerator(int seed)
    {
        Seed = seed;
    }

    public int Seed { get; }

    public static string TenantFolderName(int index) => TenantPrefix + index.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The first <paramref name="count"/> tenant folders of a corpus, as names relative to it.</summary>
    public static IReadOnlyList<string> TenantFolders(int count) => Enumerable.Range(0, count).Select(TenantFolderName).ToList();

    /// <summary>
    /// Makes sure <paramref name="directory"/> holds at least <paramref name="tenants"/> tenants of this generator's
    /// format and seed, writing only the missing ones. Refuses folders that are not bench corpora.
    /// </summary>
    /// <returns>How many tenants were written now (0 when the corpus was reused as is).</returns>
    public int EnsureCorpus(string directory, int tenants)
    {
        Directory.CreateDirectory(directory);
        var markerPath = Path.Combine(directory, MarkerFileName);
        var existing = 0;
        if (File.Exists(markerPath))
        {
            var marker = JsonSerializer.Deserialize<CorpusMarker>(File.ReadAllText(markerPath))
                ?? throw new InvalidOperationException($"{markerPath} is empty");
            if (marker.FormatVersion == FormatVersion && marker.Seed == Seed)
            {
                existing = marker.Tenants;
            }
            else
            {
                // Another format or seed: start over rather than mix two kinds of tenant.
                foreach (var stale in Directory.GetDirectories(directory, TenantPrefix + "*"))
                {
                    Directory.Delete(stale, recursive: true);
                }
            }
        }
        else if (Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new InvalidOperationException($"{directory} is not empty and is not a bench corpus (no {MarkerFileName}); choose another --corpus folder");
        }

        for (var index = existing; index < tenants; index++)
        {
            WriteTenant(Path.Combine(directory, TenantFolderName(index)), new TenantSpec(index, Seed));
        }

        var total = Math.Max(existing, tenants);
        File.WriteAllText(markerPath, JsonSerializer.Serialize(new CorpusMarker(FormatVersion, Seed, total)));
        return Math.Max(0, tenants - existing);
    }

    /// <summary>The files of one tenant, by file name, in the order the kustomization lists them.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> TenantFiles(TenantSpec t)
    {
        var files = new List<KeyValuePair<string, string>>
        {
            // The Namespace shares a file with workloads, as tenant repositories usually have it.
            new("rbac.yaml", Namespace(t) + "---\n" + Rbac(t)),
            new("secrets.yaml", Secrets(t)),
            new("config.yaml", Config(t)),
            new("postgres.yaml", Postgres(t)),
            new("redis.yaml", Redis(t)),
        };
        if (t.LegacyRedisPdb)
        {
            files.Add(new("redis-pdb-legacy.yaml", RedisLegacyPdb(t)));
        }

        files.Add(new("odoo-web.yaml", OdooWeb(t)));
        files.Add(new("odoo-worker.yaml", OdooWorker(t)));
        files.Add(new("backup.yaml", Backup(t)));
        files.Add(new("services.yaml", Services(t)));
        files.Add(new("ingress.yaml", Ingress(t)));
        files.Add(new("network-policy.yaml", NetworkPolicies(t)));
        files.Add(new("availability.yaml", Availability(t)));
        files.Insert(0, new("kustomization.yaml", Kustomization(t, files.Select(f => f.Key))));
        if (t.LeftoverPatchesFile)
        {
            files.Add(new("patches.yaml", LeftoverPatches(t)));
        }

        return files;
    }

    private static void WriteTenant(string folder, TenantSpec tenant)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in TenantFiles(tenant))
        {
            File.WriteAllText(Path.Combine(folder, file.Key), file.Value, Utf8);
        }
    }

    private static string Kustomization(TenantSpec t, IEnumerable<string> resources) => Tidy($$"""
        # Tenant overlay for {{t.Company}} (synced by Argo CD from this folder).
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: {{t.Namespace}}
        labels:
          - pairs:
              app.kubernetes.io/part-of: {{t.Namespace}}
              platform.example/tenant: {{t.Slug}}
            includeSelectors: false
        resources:
        {{string.Join("\n", resources.Select(r => "  - " + r))}}
        """);

    private static string Namespace(TenantSpec t) => Tidy($$"""
        # Tenant namespace for {{t.Company}} (Odoo {{t.OdooVersion}}, {{t.Environment}}).
        apiVersion: v1
        kind: Namespace
        metadata:
          name: {{t.Namespace}}
          labels:
            kubernetes.io/metadata.name: {{t.Namespace}}
            app.kubernetes.io/part-of: {{t.Namespace}}
            platform.example/tenant: {{t.Slug}}
            platform.example/environment: {{t.Environment}}
            platform.example/cost-center: {{t.CostCenter}}
            pod-security.kubernetes.io/enforce: restricted
            pod-security.kubernetes.io/enforce-version: v1.30
            pod-security.kubernetes.io/audit: restricted
            pod-security.kubernetes.io/audit-version: v1.30
            pod-security.kubernetes.io/warn: restricted
            pod-security.kubernetes.io/warn-version: v1.30
          annotations:
            platform.example/owner: erp-platform@{{t.Slug}}.example
            platform.example/runbook: https://wiki.{{t.Slug}}.example/erp/{{t.Namespace}}
        """);

    private static string Rbac(TenantSpec t) => Tidy($$"""
        # Service accounts for the tenant's workloads (none of them talks to the API server)
        # and a namespaced role for the ERP operators group.
        {{ServiceAccount(t, "odoo")}}
        ---
        {{ServiceAccount(t, "odoo-backup")}}
        ---
        {{ServiceAccount(t, "redis")}}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: odoo-operator
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/instance: {{t.Slug}}
        rules:
          # Read-only view of the tenant.
          - apiGroups: [""]
            resources: [pods, pods/log, services, endpoints, configmaps, persistentvolumeclaims, events]
            verbs: [get, list, watch]
          - apiGroups: [apps]
            resources: [deployments, statefulsets, replicasets]
            verbs: [get, list, watch]
          - apiGroups: [batch]
            resources: [cronjobs, jobs]
            verbs: [get, list, watch]
          - apiGroups: [postgresql.cnpg.io]
            resources: [clusters, backups, scheduledbackups]
            verbs: [get, list, watch]
          # Restart the web tier and run an ad-hoc filestore backup.
          - apiGroups: [apps]
            resources: [deployments]
            resourceNames: [odoo-web, odoo-worker]
            verbs: [patch]
          - apiGroups: [batch]
            resources: [jobs]
            verbs: [create, delete]
          # On-demand database backup before a module upgrade.
          - apiGroups: [postgresql.cnpg.io]
            resources: [backups]
            verbs: [create]
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: odoo-operator
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/instance: {{t.Slug}}
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: odoo-operator
        subjects:
          - apiGroup: rbac.authorization.k8s.io
            kind: Group
            name: oidc:{{t.Slug}}-erp-operators
        """);

    private static string ServiceAccount(TenantSpec t, string name) => $$"""
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: {{name}}
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/name: {{name}}
            app.kubernetes.io/instance: {{t.Slug}}
        automountServiceAccountToken: false
        """;

    private static string Secrets(TenantSpec t)
    {
        var documents = new List<string>
        {
            ExternalSecret(t, "odoo-db-app", "database", "# CloudNativePG expects a basic-auth secret for the application owner.\n    type: kubernetes.io/basic-auth", new[] { ("username", "odoo/postgres-app", "username"), ("password", "odoo/postgres-app", "password") }),
            ExternalSecret(t, "odoo-backup-s3", "backup", null, new[] { ("ACCESS_KEY_ID", "backup/s3", "access_key_id"), ("ACCESS_SECRET_KEY", "backup/s3", "secret_access_key") }),
            ExternalSecret(t, "odoo-redis", "cache", null, new[] { ("password", "odoo/redis", "password") }),
        };
        if (t.SmtpSecret)
        {
            documents.Add(ExternalSecret(t, "odoo-smtp", "mail", null, new[] { ("SMTP_USER", "odoo/smtp", "user"), ("SMTP_PASSWORD", "odoo/smtp", "password") }));
        }

        return Tidy("# Secrets are never stored in Git: External Secrets Operator materialises them from the\n"
            + "# platform's ClusterSecretStore. Only key names and remote paths appear here.\n"
            + string.Join("\n---\n", documents));
    }

    private static string ExternalSecret(TenantSpec t, string name, string component, string? template, IEnumerable<(string SecretKey, string Path, string Property)> data) => $$"""
        apiVersion: external-secrets.io/v1beta1
        kind: ExternalSecret
        metadata:
          name: {{name}}
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/instance: {{t.Slug}}
            app.kubernetes.io/component: {{component}}
        spec:
          refreshInterval: 1h
          secretStoreRef:
            kind: ClusterSecretStore
            name: platform-vault
          target:
            name: {{name}}
            creationPolicy: Owner
        {{(template is null ? string.Empty : "    template:\n      " + template.Replace("\n", "\n  "))}}
          data:
        {{string.Join("\n", data.Select(d => $"    - secretKey: {d.SecretKey}\n      remoteRef:\n        key: tenants/{t.Slug}/{d.Path}\n        property: {d.Property}"))}}
        """;

    private static string Config(TenantSpec t) => Tidy($$"""
        # Odoo server configuration, mounted read-only as /etc/odoo/odoo.conf (subPath).
        # No credentials here: the odoo image entrypoint passes --db_password from $PASSWORD,
        # which the Deployments fill from the odoo-db-app secret (secretKeyRef).
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: odoo-config
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/name: odoo
            app.kubernetes.io/instance: {{t.Slug}}
        data:
          odoo.conf: |
            [options]
            ; --- paths -------------------------------------------------------------
            addons_path = /mnt/extra-addons,/usr/lib/python3/dist-packages/odoo/addons
            data_dir = /var/lib/odoo
            ; --- database ----------------------------------------------------------
            ; db_password is intentionally absent (comes from the environment, see above).
            db_host = odoo-pg-rw.{{t.Namespace}}.svc.cluster.local
            db_port = 5432
            db_user = odoo
            db_name = {{t.DatabaseName}}
            dbfilter = ^{{t.DatabaseName}}$
            db_maxconn = {{(4 * t.Workers).ToString(CultureInfo.InvariantCulture)}}
            db_sslmode = require
            list_db = False
            ; --- http / proxy ------------------------------------------------------
            proxy_mode = True
            http_port = 8069
            gevent_port = 8072
            server_wide_modules = base,web,session_redis
            ; --- workers -----------------------------------------------------------
            workers = {{t.Workers.ToString(CultureInfo.InvariantCulture)}}
            max_cron_threads = 0
            limit_memory_soft = {{(t.WebMemoryGi * 1024L * 1024 * 1024 / (t.Workers + 1) * 5 / 6).ToString(CultureInfo.InvariantCulture)}}
            limit_memory_hard = {{(t.WebMemoryGi * 1024L * 1024 * 1024 / (t.Workers + 1)).ToString(CultureInfo.InvariantCulture)}}
            limit_time_cpu = 600
            limit_time_real = 1200
            limit_time_real_cron = 1800
            limit_request = 8192
            ; --- misc --------------------------------------------------------------
            without_demo = all
            log_level = info
            log_handler = :INFO,werkzeug:WARNING
            unaccent = True
            email_from = erp-noreply@{{t.Slug}}.example
            smtp_server = smtp.{{t.Slug}}.example
            smtp_port = 587
            smtp_ssl = True
        """);

    private static string Postgres(TenantSpec t) => Tidy($$"""
        # PostgreSQL for Odoo, run by the CloudNativePG operator (namespace cnpg-system).
        # Services created by the operator: odoo-pg-rw (primary), odoo-pg-ro, odoo-pg-r.
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata:
          name: odoo-pg
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/name: postgresql
            app.kubernetes.io/instance: {{t.Slug}}
            app.kubernetes.io/component: database
        spec:
          description: Odoo {{t.OdooVersion}} database for {{t.Slug}}
          instances: {{t.PostgresInstances.ToString(CultureInfo.InvariantCulture)}}
          imageName: ghcr.io/cloudnative-pg/postgresql:{{t.PostgresVersion}}@sha256:{{t.PostgresDigest}}
          primaryUpdateStrategy: unsupervised
          enableSuperuserAccess: false
          postgresql:
            parameters:
              max_connections: "300"
              shared_buffers: 2GB
              effective_cache_size: 6GB
              work_mem: 16MB
              maintenance_work_mem: 512MB
              random_page_cost: "1.1"
              idle_in_transaction_session_timeout: 10min
              log_min_duration_statement: "2000"
          bootstrap:
            initdb:
              database: {{t.DatabaseName}}
              owner: odoo
              secret:
                name: odoo-db-app
              encoding: UTF8
              localeCollate: C.UTF-8
              localeCType: C.UTF-8
              postInitApplicationSQL:
                - CREATE EXTENSION IF NOT EXISTS unaccent;
                - CREATE EXTENSION IF NOT EXISTS pg_trgm;
          storage:
            size: {{t.DatabaseGi.ToString(CultureInfo.InvariantCulture)}}Gi
            storageClass: ceph-rbd-retain
          walStorage:
            size: 20Gi
            storageClass: ceph-rbd-retain
          resources:
            requests:
              cpu: "1"
              memory: 8Gi
            limits:
              cpu: "4"
              memory: 8Gi
          affinity:
            enablePodAntiAffinity: true
            topologyKey: kubernetes.io/hostname
            podAntiAffinityType: required
          monitoring:
            enablePodMonitor: true
          backup:
            retentionPolicy: 30d
            barmanObjectStore:
              destinationPath: s3://{{t.BackupBucket}}/postgres
              s3Credentials:
                accessKeyId:
                  name: odoo-backup-s3
                  key: ACCESS_KEY_ID
                secretAccessKey:
                  name: odoo-backup-s3
                  key: ACCESS_SECRET_KEY
              wal:
                compression: gzip
                maxParallel: 4
              data:
                compression: gzip
                jobs: 2
        ---
        apiVersion: postgresql.cnpg.io/v1
        kind: ScheduledBackup
        metadata:
          name: odoo-pg-nightly
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/instance: {{t.Slug}}
            app.kubernetes.io/component: database
        spec:
          # six fields: seconds first (CloudNativePG syntax)
          schedule: "0 {{t.BackupMinute.ToString(CultureInfo.InvariantCulture)}} {{t.BackupHour.ToString(CultureInfo.InvariantCulture)}} * * *"
          immediate: true
          backupOwnerReference: self
          method: barmanObjectStore
          cluster:
            name: odoo-pg
        """);

    private static string Redis(TenantSpec t)
    {
        var podRunAsNonRoot = t.RedisMayRunAsRoot
            ? "        # deliberate: runAsNonRoot is set neither here nor on the container (runAsUser: 999 is not a guarantee)"
            : "        runAsNonRoot: true";
        var memoryLimit = t.RedisNoMemoryLimit
            ? "              cpu: 500m   # deliberate: no memory limit (maxmemory is not enforced by the kubelet)"
            : "              cpu: 500m\n              memory: 1Gi";
        var pdb = t.LegacyRedisPdb ? string.Empty : "---\n" + RedisPdb(t, "policy/v1", null);
        return Tidy($$"""
            # Redis for Odoo HTTP sessions (session_redis addon), shared by every web pod so that
            # the HorizontalPodAutoscaler can add and remove pods without logging users out.
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: redis
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: redis
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: cache
                app.kubernetes.io/version: {{t.RedisVersion}}
            spec:
              serviceName: redis-headless
              replicas: 1
              selector:
                matchLabels:
                  app.kubernetes.io/name: redis
                  app.kubernetes.io/instance: {{t.Slug}}
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: redis
                    app.kubernetes.io/instance: {{t.Slug}}
                    app.kubernetes.io/component: cache
                spec:
                  serviceAccountName: redis
                  automountServiceAccountToken: false
                  terminationGracePeriodSeconds: 30
                  securityContext:
            {{podRunAsNonRoot}}
                    fsGroup: 999
                    fsGroupChangePolicy: OnRootMismatch
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: redis
                      image: redis:{{t.RedisVersion}}@sha256:{{t.RedisDigest}}
                      args:
                        - redis-server
                        - --requirepass
                        - $(REDIS_PASSWORD)
                        - --appendonly
                        - "yes"
                        - --maxmemory
                        - 768mb
                        - --maxmemory-policy
                        - volatile-lru
                      env:
                        - name: REDIS_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: odoo-redis
                              key: password
                      ports:
                        - name: redis
                          containerPort: 6379
                          protocol: TCP
                      resources:
                        requests:
                          cpu: 100m
                          memory: 512Mi
                        limits:
            {{memoryLimit}}
                      livenessProbe:
                        exec:
                          command: ["sh", "-c", "REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli ping | grep -q PONG"]
                        initialDelaySeconds: 10
                        periodSeconds: 15
                        timeoutSeconds: 3
                      readinessProbe:
                        exec:
                          command: ["sh", "-c", "REDISCLI_AUTH=\"$REDIS_PASSWORD\" redis-cli ping | grep -q PONG"]
                        periodSeconds: 5
                        timeoutSeconds: 3
                      securityContext:
                        runAsUser: 999     # "redis" user of the official image
                        runAsGroup: 999
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: [ALL]
                      volumeMounts:
                        - name: data
                          mountPath: /data
              volumeClaimTemplates:
                - metadata:
                    name: data
                  spec:
                    accessModes: [ReadWriteOnce]
                    storageClassName: ceph-rbd-retain
                    resources:
                      requests:
                        storage: 5Gi
            ---
            {{RedisService(t, "redis-headless", "clusterIP: None")}}
            ---
            {{RedisService(t, "redis", "type: ClusterIP")}}
            {{pdb}}
            """);
    }

    private static string RedisService(TenantSpec t, string name, string shape) => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{name}}
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/name: redis
            app.kubernetes.io/instance: {{t.Slug}}
        spec:
          {{shape}}
          selector:
            app.kubernetes.io/name: redis
            app.kubernetes.io/instance: {{t.Slug}}
          ports:
            - name: redis
              port: 6379
              targetPort: redis
        """;

    private static string RedisPdb(TenantSpec t, string apiVersion, string? comment) => $$"""
        apiVersion: {{apiVersion}}{{(comment is null ? string.Empty : "   # " + comment)}}
        kind: PodDisruptionBudget
        metadata:
          name: redis
          namespace: {{t.Namespace}}
          labels:
            app.kubernetes.io/name: redis
            app.kubernetes.io/instance: {{t.Slug}}
        spec:
          maxUnavailable: 1
          selector:
            matchLabels:
              app.kubernetes.io/name: redis
              app.kubernetes.io/instance: {{t.Slug}}
        """;

    private static string RedisLegacyPdb(TenantSpec t) => Tidy(
        "# Copied from the 2021 tenant template (Kubernetes 1.21). Never migrated.\n"
        + RedisPdb(t, "policy/v1beta1", "deliberate: removed API (policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25)"));

    private static string OdooWeb(TenantSpec t)
    {
        var initEscalation = t.InitEscalation
            ? "true   # deliberate: privilege escalation allowed (left over from a sudo-based copy script)"
            : "false";
        var readOnlyRoot = t.WebWritableRoot
            ? "false   # deliberate: Odoo writes compiled assets next to the code"
            : "true";
        return Tidy($$"""
            # Odoo web tier: HTTP workers on 8069, websocket/longpolling (gevent) on 8072.
            # The filestore lives on a ReadWriteMany volume shared with the cron worker and the backup job.
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: odoo-filestore
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: filestore
            spec:
              accessModes: [ReadWriteMany]
              storageClassName: cephfs-retain
              resources:
                requests:
                  storage: {{t.FilestoreGi.ToString(CultureInfo.InvariantCulture)}}Gi
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: odoo-web
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: web
                app.kubernetes.io/version: "{{t.OdooVersion}}"
            spec:
              # replicas are managed by the HorizontalPodAutoscaler (availability.yaml)
              revisionHistoryLimit: 5
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxSurge: 1
                  maxUnavailable: 0
              selector:
                matchLabels:
                  app.kubernetes.io/name: odoo
                  app.kubernetes.io/instance: {{t.Slug}}
                  app.kubernetes.io/component: web
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: odoo
                    app.kubernetes.io/instance: {{t.Slug}}
                    app.kubernetes.io/component: web
                    app.kubernetes.io/version: "{{t.OdooVersion}}"
                  annotations:
                    kubectl.kubernetes.io/default-container: odoo
                spec:
                  serviceAccountName: odoo
                  automountServiceAccountToken: false
                  terminationGracePeriodSeconds: 60
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 101          # "odoo" user of the official image
                    runAsGroup: 101
                    fsGroup: 101
                    fsGroupChangePolicy: OnRootMismatch
                    seccompProfile:
                      type: RuntimeDefault
                  topologySpreadConstraints:
                    - maxSkew: 1
                      topologyKey: topology.kubernetes.io/zone
                      whenUnsatisfiable: ScheduleAnyway
                      labelSelector:
                        matchLabels:
                          app.kubernetes.io/name: odoo
                          app.kubernetes.io/instance: {{t.Slug}}
                          app.kubernetes.io/component: web
                    - maxSkew: 1
                      topologyKey: kubernetes.io/hostname
                      whenUnsatisfiable: DoNotSchedule
                      labelSelector:
                        matchLabels:
                          app.kubernetes.io/name: odoo
                          app.kubernetes.io/instance: {{t.Slug}}
                          app.kubernetes.io/component: web
                  initContainers:
                    # Copies the tenant's custom addons (EDI, carrier connectors, pricelists) into a shared emptyDir.
                    - name: addons
                      image: registry.{{t.Slug}}.example/odoo/addons:{{t.AddonsVersion}}@sha256:{{t.AddonsDigest}}
                      command: ["sh", "-c", "cp -a /addons/. /mnt/extra-addons/"]
                      resources:
                        requests:
                          cpu: 50m
                          memory: 64Mi
                        limits:
                          cpu: 200m
                          memory: 128Mi
                      securityContext:
                        allowPrivilegeEscalation: {{initEscalation}}
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: [ALL]
                      volumeMounts:
                        - name: extra-addons
                          mountPath: /mnt/extra-addons
                  containers:
                    - name: odoo
                      image: odoo:{{t.OdooVersion}}@sha256:{{t.OdooDigest}}
                      args: ["odoo", "--max-cron-threads=0"]
                      ports:
                        - name: http
                          containerPort: 8069
                          protocol: TCP
                        - name: websocket
                          containerPort: 8072
                          protocol: TCP
                      env:
            {{OdooEnvironment(t)}}
                      resources:
                        requests:
                          cpu: 500m
                          memory: {{(t.WebMemoryGi / 2 + 1).ToString(CultureInfo.InvariantCulture)}}Gi
                        limits:
                          cpu: "2"
                          memory: {{t.WebMemoryGi.ToString(CultureInfo.InvariantCulture)}}Gi
                      startupProbe:
                        httpGet:
                          path: /web/health
                          port: http
                        periodSeconds: 10
                        failureThreshold: 30
                      livenessProbe:
                        httpGet:
                          path: /web/health
                          port: http
                        periodSeconds: 20
                        timeoutSeconds: 5
                        failureThreshold: 3
                      readinessProbe:
                        httpGet:
                          path: /web/health
                          port: http
                        periodSeconds: 10
                        timeoutSeconds: 3
                        failureThreshold: 3
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: {{readOnlyRoot}}
                        runAsNonRoot: true
                        capabilities:
                          drop: [ALL]
                      volumeMounts:
            {{OdooMounts(hostPathLogs: false)}}
                  volumes:
            {{OdooVolumes(hostPathLogs: false)}}
            """);
    }

    private static string OdooWorker(TenantSpec t)
    {
        var image = t.WorkerUnpinned
            ? $"odoo:{t.OdooVersion}   # deliberate: image not pinned by digest (the web tier is pinned; the two can drift apart)"
            : $"odoo:{t.OdooVersion}@sha256:{t.OdooDigest}";
        var readiness = t.WorkerNoReadiness
            ? "          # deliberate: no readinessProbe on the cron worker"
            : $"          readinessProbe:\n            exec:\n              command: [\"sh\", \"-c\", \"test -f /tmp/odoo-cron-ready\"]\n            periodSeconds: 30\n            timeoutSeconds: 5";
        return Tidy($$"""
            # Odoo cron worker: no HTTP server, runs scheduled actions (stock rules, EDI imports,
            # invoice mails). Shares config and filestore with the web tier.
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: odoo-worker
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: worker
                app.kubernetes.io/version: "{{t.OdooVersion}}"
            spec:
              replicas: 1
              revisionHistoryLimit: 5
              selector:
                matchLabels:
                  app.kubernetes.io/name: odoo
                  app.kubernetes.io/instance: {{t.Slug}}
                  app.kubernetes.io/component: worker
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: odoo
                    app.kubernetes.io/instance: {{t.Slug}}
                    app.kubernetes.io/component: worker
                    app.kubernetes.io/version: "{{t.OdooVersion}}"
                spec:
                  serviceAccountName: odoo
                  automountServiceAccountToken: false
                  terminationGracePeriodSeconds: 120
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 101
                    runAsGroup: 101
                    fsGroup: 101
                    fsGroupChangePolicy: OnRootMismatch
                    seccompProfile:
                      type: RuntimeDefault
                  initContainers:
                    - name: addons
                      image: registry.{{t.Slug}}.example/odoo/addons:{{t.AddonsVersion}}@sha256:{{t.AddonsDigest}}
                      command: ["sh", "-c", "cp -a /addons/. /mnt/extra-addons/"]
                      resources:
                        requests:
                          cpu: 50m
                          memory: 64Mi
                        limits:
                          cpu: 200m
                          memory: 128Mi
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: [ALL]
                      volumeMounts:
                        - name: extra-addons
                          mountPath: /mnt/extra-addons
                  containers:
                    - name: odoo
                      image: {{image}}
                      args:
                        - odoo
                        - --no-http
                        - --max-cron-threads=2
                      env:
            {{OdooEnvironment(t)}}
                      resources:
                        requests:
                          cpu: 250m
                          memory: 1Gi
                        limits:
                          cpu: "1"
                          memory: 2Gi
                      # Liveness: the worker must still reach its database.
                      livenessProbe:
                        exec:
                          command:
                            - sh
                            - -c
                            - wait-for-psql.py --db_host odoo-pg-rw.{{t.Namespace}}.svc.cluster.local --db_port 5432 --db_user odoo --db_password "$PASSWORD" --timeout 5
                        initialDelaySeconds: 30
                        periodSeconds: 60
                        timeoutSeconds: 10
                        failureThreshold: 3
            {{readiness}}
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        runAsNonRoot: true
                        capabilities:
                          drop: [ALL]
                      volumeMounts:
            {{OdooMounts(t.WorkerHostPath)}}
                  volumes:
            {{OdooVolumes(t.WorkerHostPath)}}
            """);
    }

    private static string OdooEnvironment(TenantSpec t) => $$"""
                    - name: ODOO_RC
                      value: /etc/odoo/odoo.conf
                    - name: PASSWORD            # read by the image entrypoint, passed as --db_password
                      valueFrom:
                        secretKeyRef:
                          name: odoo-db-app
                          key: password
                    - name: ODOO_SESSION_REDIS
                      value: "1"
                    - name: ODOO_SESSION_REDIS_HOST
                      value: redis.{{t.Namespace}}.svc.cluster.local
                    - name: ODOO_SESSION_REDIS_PORT
                      value: "6379"
                    - name: ODOO_SESSION_REDIS_PREFIX
                      value: {{t.Namespace}}
                    - name: ODOO_SESSION_REDIS_EXPIRATION
                      value: "604800"
                    - name: ODOO_SESSION_REDIS_PASSWORD
                      valueFrom:
                        secretKeyRef:
                          name: odoo-redis
                          key: password
        {{(t.SmtpSecret ? "            - name: SMTP_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: odoo-smtp\n                  key: SMTP_PASSWORD" : string.Empty)}}
        """;

    private static string OdooMounts(bool hostPathLogs) => """
                    - name: config
                      mountPath: /etc/odoo/odoo.conf
                      subPath: odoo.conf
                      readOnly: true
                    - name: filestore
                      mountPath: /var/lib/odoo
                    - name: extra-addons
                      mountPath: /mnt/extra-addons
                      readOnly: true
                    - name: tmp
                      mountPath: /tmp
        """ + (hostPathLogs ? "\n            - name: node-logs\n              mountPath: /var/log/odoo" : string.Empty);

    private static string OdooVolumes(bool hostPathLogs) => """
                - name: config
                  configMap:
                    name: odoo-config
                - name: filestore
                  persistentVolumeClaim:
                    claimName: odoo-filestore
                - name: extra-addons
                  emptyDir:
                    sizeLimit: 512Mi
                - name: tmp
                  emptyDir:
                    sizeLimit: 1Gi
        """ + (hostPathLogs
            ? "\n        # deliberate: logs written to the node for the old fluentd setup\n        - name: node-logs\n          hostPath:\n            path: /var/log/odoo\n            type: DirectoryOrCreate"
            : string.Empty);

    private static string Backup(TenantSpec t)
    {
        var image = t.BackupLatest
            ? "amazon/aws-cli:latest   # deliberate: mutable \"latest\" tag, not pinned by digest"
            : $"amazon/aws-cli:{t.AwsCliVersion}@sha256:{t.AwsCliDigest}";
        var token = t.BackupTokenMounted
            ? "          # deliberate: automountServiceAccountToken not set; the token is mounted by default"
            : "          automountServiceAccountToken: false";
        var cpuRequest = t.BackupNoCpuRequest
            ? "                  # deliberate: no CPU request or limit (\"it only runs at night\")"
            : "                  cpu: 100m";
        var cpuLimit = t.BackupNoCpuRequest ? string.Empty : "                  cpu: \"1\"";
        return Tidy($$"""
            # Nightly filestore backup to object storage. The database itself is backed up by
            # CloudNativePG (postgres.yaml); attachments live in the filestore and need their own copy.
            # Run on demand: kubectl -n {{t.Namespace}} create job --from=cronjob/odoo-filestore-backup manual-$(date +%s)
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: odoo-filestore-backup
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: odoo-backup
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: backup
            spec:
              schedule: "{{t.BackupMinute.ToString(CultureInfo.InvariantCulture)}} {{(t.BackupHour + 1).ToString(CultureInfo.InvariantCulture)}} * * *"
              timeZone: {{t.TimeZone}}
              concurrencyPolicy: Forbid
              startingDeadlineSeconds: 3600
              successfulJobsHistoryLimit: 3
              failedJobsHistoryLimit: 5
              jobTemplate:
                spec:
                  backoffLimit: 2
                  activeDeadlineSeconds: 14400
                  ttlSecondsAfterFinished: 604800
                  template:
                    metadata:
                      labels:
                        app.kubernetes.io/name: odoo-backup
                        app.kubernetes.io/instance: {{t.Slug}}
                        app.kubernetes.io/component: backup
                    spec:
                      serviceAccountName: odoo-backup
            {{token}}
                      restartPolicy: Never
                      securityContext:
                        runAsNonRoot: true
                        runAsUser: 101          # same uid as Odoo, so every filestore file is readable
                        runAsGroup: 101
                        fsGroup: 101
                        fsGroupChangePolicy: OnRootMismatch
                        seccompProfile:
                          type: RuntimeDefault
                      containers:
                        - name: s3-sync
                          image: {{image}}
                          args:
                            - s3
                            - sync
                            - /var/lib/odoo/filestore/
                            - s3://{{t.BackupBucket}}/filestore/
                            - --only-show-errors
                            - --storage-class
                            - STANDARD_IA
                          env:
                            - name: HOME
                              value: /tmp
                            - name: AWS_DEFAULT_REGION
                              value: {{t.Region}}
                            - name: AWS_ACCESS_KEY_ID
                              valueFrom:
                                secretKeyRef:
                                  name: odoo-backup-s3
                                  key: ACCESS_KEY_ID
                            - name: AWS_SECRET_ACCESS_KEY
                              valueFrom:
                                secretKeyRef:
                                  name: odoo-backup-s3
                                  key: ACCESS_SECRET_KEY
                          resources:
                            requests:
            {{cpuRequest}}
                              memory: 256Mi
                            limits:
            {{cpuLimit}}
                              memory: 512Mi
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: true
                            runAsNonRoot: true
                            capabilities:
                              drop: [ALL]
                          volumeMounts:
                            - name: filestore
                              mountPath: /var/lib/odoo
                              readOnly: true
                            - name: tmp
                              mountPath: /tmp
                      volumes:
                        - name: filestore
                          persistentVolumeClaim:
                            claimName: odoo-filestore
                            readOnly: true
                        - name: tmp
                          emptyDir:
                            sizeLimit: 256Mi
            """);
    }

    private static string Services(TenantSpec t)
    {
        var web = $$"""
            # In-cluster Services for Odoo. Traefik reaches odoo-web through the IngressRoute (ingress.yaml).
            apiVersion: v1
            kind: Service
            metadata:
              name: odoo-web
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: web
            spec:
              type: ClusterIP
              selector:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: web
              ports:
                - name: http
                  port: 8069
                  targetPort: http
                  protocol: TCP
                - name: websocket
                  port: 8072
                  targetPort: websocket
                  protocol: TCP
            """;
        if (!t.DebugNodePort)
        {
            return Tidy(web);
        }

        return Tidy(web + "\n" + $$"""
            ---
            # Left over from go-live week, when the integrator tested the carrier webhooks without the ingress.
            apiVersion: v1
            kind: Service
            metadata:
              name: odoo-web-debug
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: web
            spec:
              type: NodePort   # deliberate: NodePort exposes Odoo on every node, bypassing Traefik, TLS and the middlewares
              selector:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: web
              ports:
                - name: http
                  port: 8069
                  targetPort: http
                  nodePort: {{(30000 + t.Index % 2700).ToString(CultureInfo.InvariantCulture)}}
                  protocol: TCP
            """);
    }

    private static string Ingress(TenantSpec t)
    {
        var maintenance = t.MaintenanceMiddleware ? $$"""
            ---
            # Friendly page while a module upgrade runs (the pods answer 503).
            apiVersion: traefik.io/v1alpha1
            kind: Middleware
            metadata:
              name: maintenance-errors
              namespace: {{t.Namespace}}
            spec:
              errors:
                status: ["502-504"]
                query: /maintenance.html
                service:
                  name: maintenance-page
                  namespace: platform-static
                  port: 80
            """ : string.Empty;
        var catchAllMiddlewares = t.MaintenanceMiddleware
            ? "            - name: security-headers\n            - name: compress\n            - name: maintenance-errors"
            : "            - name: security-headers\n            - name: compress";
        return Tidy($$"""
            # Public entry: Traefik (namespace "traefik") terminates TLS for {{t.Domain}}.
            # Odoo serves longpolling as a websocket on /websocket from the gevent process (8072);
            # everything else goes to the HTTP workers (8069).
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: {{t.Slug}}-erp
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/instance: {{t.Slug}}
            spec:
              secretName: {{t.Slug}}-erp-tls
              dnsNames:
                - {{t.Domain}}
              issuerRef:
                kind: ClusterIssuer
                name: letsencrypt-production
              privateKey:
                algorithm: ECDSA
                size: 256
                rotationPolicy: Always
            ---
            apiVersion: traefik.io/v1alpha1
            kind: Middleware
            metadata:
              name: redirect-https
              namespace: {{t.Namespace}}
            spec:
              redirectScheme:
                scheme: https
                permanent: true
            ---
            apiVersion: traefik.io/v1alpha1
            kind: Middleware
            metadata:
              name: security-headers
              namespace: {{t.Namespace}}
            spec:
              headers:
                stsSeconds: 31536000
                stsIncludeSubdomains: true
                forceSTSHeader: true
                contentTypeNosniff: true
                customFrameOptionsValue: SAMEORIGIN   # the website editor frames Odoo itself
                referrerPolicy: strict-origin-when-cross-origin
                customResponseHeaders:
                  Server: ""
                  X-Powered-By: ""
            ---
            # Slow down credential stuffing on the login and password-reset forms.
            apiVersion: traefik.io/v1alpha1
            kind: Middleware
            metadata:
              name: login-ratelimit
              namespace: {{t.Namespace}}
            spec:
              rateLimit:
                average: 20
                period: 1m
                burst: 10
            ---
            # The database manager is disabled (list_db = False); keep its URLs reachable only from the office VPN.
            apiVersion: traefik.io/v1alpha1
            kind: Middleware
            metadata:
              name: office-only
              namespace: {{t.Namespace}}
            spec:
              ipAllowList:
                sourceRange:
                  - {{t.OfficeCidr}}
            ---
            apiVersion: traefik.io/v1alpha1
            kind: Middleware
            metadata:
              name: compress
              namespace: {{t.Namespace}}
            spec:
              compress: {}
            {{maintenance}}
            ---
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata:
              name: odoo-http-redirect
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/instance: {{t.Slug}}
            spec:
              entryPoints: [web]
              routes:
                - kind: Rule
                  match: Host(`{{t.Domain}}`)
                  middlewares:
                    - name: redirect-https
                  services:
                    - name: odoo-web
                      port: 8069
            ---
            apiVersion: traefik.io/v1alpha1
            kind: IngressRoute
            metadata:
              name: odoo
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/instance: {{t.Slug}}
            spec:
              entryPoints: [websecure]
              routes:
                - kind: Rule
                  match: Host(`{{t.Domain}}`) && PathPrefix(`/websocket`)
                  middlewares:
                    - name: security-headers
                  services:
                    - name: odoo-web
                      port: 8072
                - kind: Rule
                  match: Host(`{{t.Domain}}`) && (Path(`/web/login`) || PathPrefix(`/web/reset_password`))
                  middlewares:
                    - name: security-headers
                    - name: login-ratelimit
                  services:
                    - name: odoo-web
                      port: 8069
                - kind: Rule
                  match: Host(`{{t.Domain}}`) && PathPrefix(`/web/database`)
                  middlewares:
                    - name: office-only
                    - name: security-headers
                  services:
                    - name: odoo-web
                      port: 8069
                - kind: Rule
                  match: Host(`{{t.Domain}}`)
                  middlewares:
            {{catchAllMiddlewares}}
                  services:
                    - name: odoo-web
                      port: 8069
              tls:
                secretName: {{t.Slug}}-erp-tls
            """);
    }

    private static string NetworkPolicies(TenantSpec t)
    {
        var monitoring = t.MonitoringPolicy ? $$"""
            ---
            # Prometheus scrapes the Odoo and Redis exporters.
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-monitoring
              namespace: {{t.Namespace}}
            spec:
              podSelector:
                matchExpressions:
                  - key: app.kubernetes.io/name
                    operator: In
                    values: [odoo, redis]
              policyTypes: [Ingress]
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: monitoring
                  ports:
                    - protocol: TCP
                      port: 9090
                    - protocol: TCP
                      port: 9121
            """ : string.Empty;
        return Tidy($$"""
            # Default deny in both directions, then one policy per flow.
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
              namespace: {{t.Namespace}}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: allow-dns
              namespace: {{t.Namespace}}
            spec:
              podSelector: {}
              policyTypes: [Egress]
              egress:
                - to:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: kube-system
                      podSelector:
                        matchLabels:
                          k8s-app: kube-dns
                  ports:
                    - protocol: UDP
                      port: 53
                    - protocol: TCP
                      port: 53
            ---
            # Traefik -> Odoo web (HTTP workers and websocket).
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: odoo-web-from-traefik
              namespace: {{t.Namespace}}
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: odoo
                  app.kubernetes.io/component: web
              policyTypes: [Ingress]
              ingress:
                - from:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: traefik
                      podSelector:
                        matchLabels:
                          app.kubernetes.io/name: traefik
                  ports:
                    - protocol: TCP
                      port: 8069
                    - protocol: TCP
                      port: 8072
            ---
            # Odoo (web and cron worker) -> PostgreSQL, Redis, and outbound HTTPS/SMTP.
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: odoo-egress
              namespace: {{t.Namespace}}
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: odoo
              policyTypes: [Egress]
              egress:
                - to:
                    - podSelector:
                        matchLabels:
                          cnpg.io/cluster: odoo-pg
                  ports:
                    - protocol: TCP
                      port: 5432
                - to:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: redis
                  ports:
                    - protocol: TCP
                      port: 6379
                - to:
                    - ipBlock:
                        cidr: 0.0.0.0/0
                        except:
                          - 10.0.0.0/8
                          - 172.16.0.0/12
                          - 192.168.0.0/16
                  ports:
                    - protocol: TCP
                      port: 443
                    - protocol: TCP
                      port: 587
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: postgres
              namespace: {{t.Namespace}}
            spec:
              podSelector:
                matchLabels:
                  cnpg.io/cluster: odoo-pg
              policyTypes: [Ingress, Egress]
              ingress:
                - from:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: odoo
                  ports:
                    - protocol: TCP
                      port: 5432
                # streaming replication between instances
                - from:
                    - podSelector:
                        matchLabels:
                          cnpg.io/cluster: odoo-pg
                  ports:
                    - protocol: TCP
                      port: 5432
                # CloudNativePG operator: instance manager status endpoint and connection checks
                - from:
                    - namespaceSelector:
                        matchLabels:
                          kubernetes.io/metadata.name: cnpg-system
                  ports:
                    - protocol: TCP
                      port: 8000
                    - protocol: TCP
                      port: 5432
              egress:
                - to:
                    - podSelector:
                        matchLabels:
                          cnpg.io/cluster: odoo-pg
                  ports:
                    - protocol: TCP
                      port: 5432
                - to:
                    - ipBlock:
                        cidr: 0.0.0.0/0
                        except:
                          - 10.0.0.0/8
                          - 172.16.0.0/12
                          - 192.168.0.0/16
                  ports:
                    - protocol: TCP
                      port: 443
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: redis
              namespace: {{t.Namespace}}
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: redis
              policyTypes: [Ingress]
              ingress:
                - from:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: odoo
                  ports:
                    - protocol: TCP
                      port: 6379
            ---
            # Filestore backup -> object storage.
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: backup-egress
              namespace: {{t.Namespace}}
            spec:
              podSelector:
                matchLabels:
                  app.kubernetes.io/name: odoo-backup
              policyTypes: [Egress]
              egress:
                - to:
                    - ipBlock:
                        cidr: 0.0.0.0/0
                        except:
                          - 10.0.0.0/8
                          - 172.16.0.0/12
                          - 192.168.0.0/16
                  ports:
                    - protocol: TCP
                      port: 443
            {{monitoring}}
            """);
    }

    private static string Availability(TenantSpec t)
    {
        var hpaApi = t.LegacyHpa
            ? "autoscaling/v2beta2   # deliberate: removed in Kubernetes 1.26 (use autoscaling/v2)"
            : "autoscaling/v2";
        return Tidy($$"""
            # Scaling and disruption budgets for the Odoo web tier.
            apiVersion: {{hpaApi}}
            kind: HorizontalPodAutoscaler
            metadata:
              name: odoo-web
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: web
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: odoo-web
              minReplicas: {{t.MinReplicas.ToString(CultureInfo.InvariantCulture)}}
              maxReplicas: {{t.MaxReplicas.ToString(CultureInfo.InvariantCulture)}}
              metrics:
                - type: Resource
                  resource:
                    name: cpu
                    target:
                      type: Utilization
                      averageUtilization: 70
              behavior:
                scaleUp:
                  stabilizationWindowSeconds: 60
                  policies:
                    - type: Pods
                      value: 1
                      periodSeconds: 120
                scaleDown:
                  # month-end invoicing and morning order intake come in bursts; scale down slowly
                  stabilizationWindowSeconds: 900
                  policies:
                    - type: Pods
                      value: 1
                      periodSeconds: 300
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: odoo-web
              namespace: {{t.Namespace}}
              labels:
                app.kubernetes.io/name: odoo
                app.kubernetes.io/instance: {{t.Slug}}
                app.kubernetes.io/component: web
            spec:
              minAvailable: 1
              unhealthyPodEvictionPolicy: AlwaysAllow
              selector:
                matchLabels:
                  app.kubernetes.io/name: odoo
                  app.kubernetes.io/instance: {{t.Slug}}
                  app.kubernetes.io/component: web
            """);
    }

    private static string LeftoverPatches(TenantSpec t) => $$"""
        # Kustomize patches for {{t.Namespace}}.
        # The memory patch moved into odoo-web.yaml in the last upgrade; this file is no longer listed
        # in kustomization.yaml but nobody deleted it.
        ---
        """ + "\n";

    /// <summary>Drops the blank lines that empty optional fragments leave behind and ends the file with a newline.</summary>
    private static string Tidy(string text)
    {
        var builder = new StringBuilder(text.Length + 1);
        foreach (var line in text.Split('\n'))
        {
            if (line.Trim().Length > 0)
            {
                builder.Append(line.TrimEnd()).Append('\n');
            }
        }

        return builder.ToString();
    }

    private sealed record CorpusMarker(int FormatVersion, int Seed, int Tenants);
}
