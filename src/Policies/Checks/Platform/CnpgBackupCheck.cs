using System;
using System.Collections.Generic;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Platform;

/// <summary>
/// How CloudNativePG backs a database up, judged on a <c>postgresql.cnpg.io</c> <c>Cluster</c> and a Barman Cloud plugin
/// <c>ObjectStore</c> by one <c>problem</c>: <c>object-store</c> (the Cluster sends neither base backups nor WAL to an
/// object store, in-tree or through the plugin), <c>retention</c> (no <c>retentionPolicy</c>, so backups pile up or are
/// pruned by hand), <c>wal-archiving</c> (the Barman Cloud plugin is attached without <c>isWALArchiver: true</c>, so no
/// WAL leaves the cluster and point-in-time recovery is impossible), <c>encryption</c> (an S3 store without server-side
/// <c>encryption</c> for <c>data</c> and <c>wal</c>) and <c>credentials</c> (a credential field written as a literal
/// rather than a Secret key selector).
/// </summary>
public sealed class CnpgBackupCheck : Check
{
    private static readonly string[] Problems = { "object-store", "retention", "wal-archiving", "encryption", "credentials" };
    private static readonly HashSet<string> Encryptions = new(StringComparer.Ordinal) { "AES256", "aws:kms" };

    /// <summary>Fields of a credential section that are switches, not credentials.</summary>
    private static readonly HashSet<string> CredentialSwitches = new(StringComparer.Ordinal) { "inheritFromIAMRole", "inheritFromAzureAD", "gkeEnvironment", "useDefaultAzureCredentials" };

    private readonly string problem;

    public CnpgBackupCheck(CheckParameters parameters)
    {
        problem = parameters.GetChoice("problem", Problems, "object-store");
    }

    public override bool AppliesToKind(string kind) => kind is "Cluster" or "ObjectStore";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        var identity = resource.Identity;
        var spec = resource.Root.GetMapping("spec");
        if (spec is null)
        {
            return;
        }

        if (identity.Kind == "Cluster" && identity.Group == PlatformApis.CloudNativePg)
        {
            EvaluateCluster(resource, spec, sink);
        }
        else if (identity.Kind == "ObjectStore" && identity.Group == PlatformApis.BarmanCloud)
        {
            EvaluateObjectStore(resource, spec, sink);
        }
    }

    private void EvaluateCluster(Resource resource, MappingNode spec, ViolationSink sink)
    {
        var backup = spec.GetMapping("backup");
        var store = CnpgObjectStore.At(backup, "barmanObjectStore", "spec.backup.barmanObjectStore");
        var plugin = BarmanPlugin(spec, out var pluginPath);
        switch (problem)
        {
            case "object-store":
                // A replica cluster replays its source's WAL; the source's backups are the ones that count.
                if (store is null && plugin is null && !HasWalArchiverPlugin(spec) && spec.GetMapping("replica")?.GetScalar("enabled")?.AsBoolean() != true)
                {
                    var at = spec.TryGetEntry("backup", out var backupEntry) ? backupEntry.Key : resource.KindNode;
                    sink.Report(at, "spec.backup.barmanObjectStore", ViolationSink.Argument("cluster", resource.Identity.Name ?? "(unnamed)"));
                }

                break;
            case "retention":
                if (store is not null && backup!.Get("retentionPolicy") is null or ScalarNode { IsNull: true })
                {
                    sink.Report(store.Key, "spec.backup.retentionPolicy", ViolationSink.Argument("store", store.Path));
                }

                break;
            case "wal-archiving":
                if (store is null && plugin is not null && plugin.GetScalar("isWALArchiver")?.AsBoolean() != true)
                {
                    var at = (YamlNode?)plugin.GetScalar("isWALArchiver") ?? plugin.GetScalar("name") ?? (YamlNode)plugin;
                    sink.Report(at, pluginPath + ".isWALArchiver", ViolationSink.Argument("plugin", PlatformApis.BarmanCloudPlugin));
                }

                break;
            case "encryption":
                if (store is not null)
                {
                    ReportMissingEncryption(store, sink);
                }

                break;
            default:
                if (store is not null)
                {
                    ReportLiteralCredentials(store, sink);
                }

                break;
        }
    }

    private void EvaluateObjectStore(Resource resource, MappingNode spec, ViolationSink sink)
    {
        var store = CnpgObjectStore.At(spec, "configuration", "spec.configuration");
        switch (problem)
        {
            case "retention":
                if (spec.Get("retentionPolicy") is null or ScalarNode { IsNull: true })
                {
                    var at = (YamlNode?)store?.Key ?? resource.KindNode;
                    sink.Report(at, "spec.retentionPolicy", ViolationSink.Argument("store", "ObjectStore " + (resource.Identity.Name ?? "(unnamed)")));
                }

                break;
            case "encryption":
                if (store is not null)
                {
                    ReportMissingEncryption(store, sink);
                }

                break;
            case "credentials":
                if (store is not null)
                {
                    ReportLiteralCredentials(store, sink);
                }

                break;
        }
    }

    private static void ReportMissingEncryption(CnpgObjectStore store, ViolationSink sink)
    {
        if (!store.IsS3)
        {
            return;
        }

        foreach (var section in new[] { "data", "wal" })
        {
            var path = store.Path + "." + section + ".encryption";
            if (!store.Node.TryGetEntry(section, out var entry) || entry.Value is not MappingNode settings)
            {
                sink.Report(store.Key, path, ViolationSink.Argument("section", section), ViolationSink.Argument("value", "unset"));
                continue;
            }

            var value = settings.GetScalar("encryption");
            if (value is null || value.IsNull)
            {
                sink.Report(entry.Key, path, ViolationSink.Argument("section", section), ViolationSink.Argument("value", "unset"));
            }
            else if (!Encryptions.Contains(value.Value))
            {
                sink.Report(value, path, ViolationSink.Argument("section", section), ViolationSink.Argument("value", "\"" + value.Value + "\""));
            }
        }
    }

    private static void ReportLiteralCredentials(CnpgObjectStore store, ViolationSink sink)
    {
        foreach (var sectionName in CnpgObjectStore.CredentialSections)
        {
            if (store.Node.GetMapping(sectionName) is not { } section)
            {
                continue;
            }

            foreach (var entry in section.Entries)
            {
                if (!CredentialSwitches.Contains(entry.Key.Value) && entry.Value is ScalarNode { IsNull: false } literal && literal.Value.Length > 0)
                {
                    sink.Report(literal, store.Path + "." + sectionName + "." + entry.Key.Value, ViolationSink.Argument("field", sectionName + "." + entry.Key.Value));
                }
            }
        }
    }

    /// <summary>The Cluster's Barman Cloud plugin entry and its field path, or null when it does not use the plugin.</summary>
    private static MappingNode? BarmanPlugin(MappingNode spec, out string path)
    {
        path = string.Empty;
        foreach (var item in spec.GetSequence("plugins")?.Items ?? Array.Empty<YamlNode>())
        {
            if (item is MappingNode plugin && plugin.GetString("name") == PlatformApis.BarmanCloudPlugin)
            {
                path = "spec.plugins[name=" + PlatformApis.BarmanCloudPlugin + "]";
                return plugin;
            }
        }

        return null;
    }

    /// <summary>Any other plugin that archives WAL (a vendor's backup plugin) also takes backups off the cluster.</summary>
    private static bool HasWalArchiverPlugin(MappingNode spec)
    {
        foreach (var item in spec.GetSequence("plugins")?.Items ?? Array.Empty<YamlNode>())
        {
            if (item is MappingNode plugin && plugin.GetScalar("isWALArchiver")?.AsBoolean() == true)
            {
                return true;
            }
        }

        return false;
    }
}
