using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolicyKit.Bench;

/// <summary>
/// Everything that varies between two generated Odoo tenants: names, versions, sizing, optional extras and the
/// deliberate policy violations. Drawn from a <see cref="Random"/> seeded per tenant, so tenant <c>i</c> is the same
/// whatever the corpus size.
/// </summary>
internal sealed class TenantSpec
{
    private static readonly string[] Prefixes =
    {
        "acme", "nordwind", "alpenglow", "baltic", "cedar", "delta", "elbe", "fjord", "granite", "harbor",
        "iberia", "jade", "kestrel", "lumen", "meridian", "nova", "orchid", "pioneer", "quarry", "riverside",
        "solstice", "tundra", "umbra", "vega", "westwind", "xenon", "yarrow", "zenith", "aurora", "borealis",
    };

    private static readonly string[] Suffixes =
    {
        "distribution", "logistics", "retail", "foods", "pharma", "textiles", "machinery", "wines", "furniture", "electronics",
        "printing", "tools", "outdoor", "medical", "coffee", "books", "garden", "optics", "marine", "ceramics",
    };

    private static readonly string[] TimeZones = { "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Warsaw", "Europe/Lisbon", "America/New_York", "America/Sao_Paulo" };

    private static readonly string[] Regions = { "eu-central-1", "eu-west-1", "eu-west-3", "eu-south-2", "us-east-1", "sa-east-1" };

    public TenantSpec(int index, int seed)
    {
        var random = new Random(unchecked((seed * 7919) ^ (index * 104_729) ^ 0x5bd1e995));
        Index = index;
        var combinations = Prefixes.Length * Suffixes.Length;
        var baseSlug = Prefixes[index % Prefixes.Length] + "-" + Suffixes[index / Prefixes.Length % Suffixes.Length];
        Slug = index < combinations ? baseSlug : baseSlug + "-" + (index / combinations + 1).ToString(CultureInfo.InvariantCulture);
        Namespace = "odoo-" + Slug;
        Domain = "erp." + Slug + ".example";

        var versionRoll = random.Next(100);
        OdooVersion = versionRoll < 20 ? "16.0" : versionRoll < 75 ? "17.0" : "18.0";
        OdooDigest = Digest(random);
        AddonsVersion = "2024." + (1 + random.Next(12)).ToString(CultureInfo.InvariantCulture) + "." + random.Next(10).ToString(CultureInfo.InvariantCulture);
        AddonsDigest = Digest(random);
        PostgresVersion = OdooVersion == "16.0" ? "15.8" : random.Next(4) == 0 ? "17.0" : "16.4";
        PostgresDigest = Digest(random);
        RedisVersion = random.Next(3) == 0 ? "7.4.1" : "7.2.5";
        RedisDigest = Digest(random);
        AwsCliVersion = "2.17." + (20 + random.Next(40)).ToString(CultureInfo.InvariantCulture);
        AwsCliDigest = Digest(random);

        var environmentRoll = random.Next(10);
        Environment = environmentRoll < 7 ? "production" : environmentRoll < 9 ? "staging" : "test";
        TimeZone = TimeZones[random.Next(TimeZones.Length)];
        Region = Regions[random.Next(Regions.Length)];
        CostCenter = "cc-" + (1000 + random.Next(9000)).ToString(CultureInfo.InvariantCulture);
        OfficeCidr = "198.51." + random.Next(256).ToString(CultureInfo.InvariantCulture) + ".0/24";

        Workers = 2 + random.Next(7);
        MinReplicas = 2 + random.Next(2);
        MaxReplicas = MinReplicas + 2 + random.Next(7);
        PostgresInstances = random.Next(4) == 0 ? 2 : 3;
        DatabaseGi = 20 * (1 + random.Next(15));
        FilestoreGi = 50 * (1 + random.Next(10));
        WebMemoryGi = 2 + random.Next(3);
        BackupHour = random.Next(5);
        BackupMinute = random.Next(4) * 15;

        SmtpSecret = random.Next(2) == 0;
        MaintenanceMiddleware = random.Next(10) < 3;
        MonitoringPolicy = random.Next(10) < 4;
        LeftoverPatchesFile = random.Next(100) < 3;

        WorkerUnpinned = random.Next(100) < 25;
        WorkerNoReadiness = random.Next(100) < 35;
        WorkerHostPath = random.Next(100) < 3;
        RedisNoMemoryLimit = random.Next(100) < 20;
        RedisMayRunAsRoot = random.Next(100) < 20;
        DebugNodePort = random.Next(100) < 12;
        BackupLatest = random.Next(100) < 25;
        BackupNoCpuRequest = random.Next(100) < 6;
        BackupTokenMounted = random.Next(100) < 8;
        LegacyRedisPdb = random.Next(100) < 12;
        LegacyHpa = random.Next(100) < 5;
        InitEscalation = random.Next(100) < 8;
        WebWritableRoot = random.Next(100) < 6;
    }

    public int Index { get; }

    public string Slug { get; }

    public string Namespace { get; }

    public string Domain { get; }

    public string OdooVersion { get; }

    public string OdooDigest { get; }

    public string AddonsVersion { get; }

    public string AddonsDigest { get; }

    public string PostgresVersion { get; }

    public string PostgresDigest { get; }

    public string RedisVersion { get; }

    public string RedisDigest { get; }

    public string AwsCliVersion { get; }

    public string AwsCliDigest { get; }

    public string Environment { get; }

    public string TimeZone { get; }

    public string Region { get; }

    public string CostCenter { get; }

    public string OfficeCidr { get; }

    public int Workers { get; }

    public int MinReplicas { get; }

    public int MaxReplicas { get; }

    public int PostgresInstances { get; }

    public int DatabaseGi { get; }

    public int FilestoreGi { get; }

    public int WebMemoryGi { get; }

    public int BackupHour { get; }

    public int BackupMinute { get; }

    // Optional extras: they make tenants differ in size, as real ones do.
    public bool SmtpSecret { get; }

    public bool MaintenanceMiddleware { get; }

    public bool MonitoringPolicy { get; }

    /// <summary>A comment-only <c>patches.yaml</c> nobody deleted (PK0005 empty file).</summary>
    public bool LeftoverPatchesFile { get; }

    // Deliberate violations, each mapped to the core rule it trips.

    /// <summary>PK1001: the worker image has a tag but no digest.</summary>
    public bool WorkerUnpinned { get; }

    /// <summary>PK1006: the cron worker has no readiness probe.</summary>
    public bool WorkerNoReadiness { get; }

    /// <summary>PK1012: the worker mounts a hostPath for log shipping.</summary>
    public bool WorkerHostPath { get; }

    /// <summary>PK1004: Redis has no memory limit.</summary>
    public bool RedisNoMemoryLimit { get; }

    /// <summary>PK1009: neither Redis' pod nor its container sets runAsNonRoot.</summary>
    public bool RedisMayRunAsRoot { get; }

    /// <summary>PK1014: a NodePort Service left over from go-live.</summary>
    public bool DebugNodePort { get; }

    /// <summary>PK1002 and PK1001: the backup CronJob uses <c>amazon/aws-cli:latest</c>.</summary>
    public bool BackupLatest { get; }

    /// <summary>PK1003: the backup container requests memory but no CPU.</summary>
    public bool BackupNoCpuRequest { get; }

    /// <summary>PK1013: the backup pod does not opt out of the service account token.</summary>
    public bool BackupTokenMounted { get; }

    /// <summary>PK1015: a <c>policy/v1beta1</c> PodDisruptionBudget for Redis.</summary>
    public bool LegacyRedisPdb { get; }

    /// <summary>PK1015: the HPA still uses <c>autoscaling/v2beta2</c>.</summary>
    public bool LegacyHpa { get; }

    /// <summary>PK1008: the addons init container allows privilege escalation.</summary>
    public bool InitEscalation { get; }

    /// <summary>PK1010: the web container's root filesystem is writable.</summary>
    public bool WebWritableRoot { get; }

    /// <summary>The findings the core pack should report for this tenant: one rule id per deliberate violation.</summary>
    public IEnumerable<string> ExpectedRuleIds()
    {
        if (WorkerUnpinned) yield return "PK1001";
        if (WorkerNoReadiness) yield return "PK1006";
        if (WorkerHostPath) yield return "PK1012";
        if (RedisNoMemoryLimit) yield return "PK1004";
        if (RedisMayRunAsRoot) yield return "PK1009";
        if (DebugNodePort) yield return "PK1014";
        if (BackupLatest)
        {
            yield return "PK1002";
            yield return "PK1001";
        }

        if (BackupNoCpuRequest) yield return "PK1003";
        if (BackupTokenMounted) yield return "PK1013";
        if (LegacyRedisPdb) yield return "PK1015";
        if (LegacyHpa) yield return "PK1015";
        if (InitEscalation) yield return "PK1008";
        if (WebWritableRoot) yield return "PK1010";
        if (LeftoverPatchesFile) yield return "PK0005";
    }

    public string Company => Slug.Replace('-', ' ');

    public string DatabaseName => "odoo";

    public string BackupBucket => Slug + "-odoo-backups";

    private static string Digest(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        var builder = new StringBuilder(64);
        foreach (var b in bytes)
        {
            builder.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
