using System;
using System.Text;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.CrossResource.Platform;

/// <summary>
/// Records, for every namespaced object, the Secrets it names in another namespace (<see cref="SecretReferenceFact"/>):
/// it walks the object's <c>spec</c> for secret-reference mappings that carry their own <c>namespace</c> and an External
/// Secrets Kubernetes provider's <c>remoteNamespace</c>, and reads the replication annotations.
/// </summary>
internal sealed class SecretReferenceCollector : FactCollector
{
    private static readonly string[] ReplicationAnnotations =
    {
        "replicator.v1.mittwald.de/replicate-from",
        "reflector.v1.k8s.emberstack.com/reflects",
    };

    public override bool AppliesToKind(string kind) => kind is not ("Namespace" or "ClusterRole" or "ClusterRoleBinding" or "ClusterSecretStore" or "CustomResourceDefinition");

    public override void Collect(Resource resource, FactSink sink)
    {
        var own = resource.Identity.Namespace;
        if (own is null)
        {
            return;
        }

        if (resource.Root.GetMapping("metadata")?.GetMapping("annotations") is { } annotations)
        {
            foreach (var annotation in ReplicationAnnotations)
            {
                if (annotations.GetScalar(annotation) is { IsNull: false } value && value.Value.IndexOf('/') > 0)
                {
                    var slash = value.Value.IndexOf('/');
                    var target = value.Value.Substring(0, slash);
                    if (target != own)
                    {
                        sink.Add(new SecretReferenceFact(sink.Origin, target, value.Value.Substring(slash + 1), FactLocation.At(value, "metadata.annotations[" + annotation + "]")));
                    }
                }
            }
        }

        if (resource.Root.TryGetEntry("spec", out var spec))
        {
            // The path is built in one buffer and made a string only for the rare reference found: the walk visits
            // every node of every spec.
            Walk(spec.Value, new StringBuilder("spec"), null, own, sink, 0);
        }
    }

    private static void Walk(YamlNode node, StringBuilder path, string? key, string own, FactSink sink, int depth)
    {
        if (depth > 24)
        {
            return;
        }

        var length = path.Length;
        if (node is SequenceNode sequence)
        {
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                Walk(sequence.Items[i], path.Append('[').Append(i).Append(']'), key, own, sink, depth + 1);
                path.Length = length;
            }

            return;
        }

        if (node is not MappingNode mapping)
        {
            return;
        }

        if (key is not null && key.IndexOf("secret", StringComparison.OrdinalIgnoreCase) >= 0
            && mapping.GetScalar("namespace") is { IsNull: false } target && target.Value != own)
        {
            sink.Add(new SecretReferenceFact(sink.Origin, target.Value, YamlFacts.Text(mapping.Get("name")), FactLocation.At(target, path + ".namespace")));
        }

        for (var i = 0; i < mapping.Entries.Count; i++)
        {
            var entry = mapping.Entries[i];
            if (entry.Key.Value == "remoteNamespace" && entry.Value is ScalarNode { IsNull: false } remote && remote.Value != own)
            {
                sink.Add(new SecretReferenceFact(sink.Origin, remote.Value, null, FactLocation.At(remote, path + ".remoteNamespace")));
                continue;
            }

            if (entry.Value is MappingNode or SequenceNode)
            {
                Walk(entry.Value, path.Append('.').Append(entry.Key.Value), entry.Key.Value, own, sink, depth + 1);
                path.Length = length;
            }
        }
    }
}
