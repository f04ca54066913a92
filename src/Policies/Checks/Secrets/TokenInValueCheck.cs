using System;
using System.Collections.Generic;
using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// Secrets anywhere else in a manifest: recognised token formats in any value (an API token in a CronJob's
/// <c>curl</c>, a password in a database URL in <c>args</c>, a private key in a custom resource), credential-named
/// fields of any resource (<c>spec.auth.password</c>), credential flags in command lines (<c>--db_password=…</c> or
/// <c>--db_password</c> followed by the value), environment pairs outside pod specs, and credential settings inside
/// embedded files (inline Helm values, scripts, kustomize <c>literals</c>).
/// </summary>
/// <remarks>
/// Places other secrets rules own are skipped, so one secret yields one finding: a Secret's <c>data</c> and
/// <c>stringData</c>, a ConfigMap's <c>data</c>, container <c>env</c> lists and Odoo configuration files. Accepted
/// encrypted forms are skipped too: SOPS metadata and <c>ENC[…]</c> values, a SealedSecret's <c>encryptedData</c> (its
/// <c>template</c> is plaintext and is judged). The objects of External Secrets, the Secrets Store CSI driver and the
/// Vault Secrets Operator hold only references, so their field names (<c>secretKey: password</c>) are not read as
/// credentials; their values are still checked for token formats.
/// </remarks>
public sealed class TokenInValueCheck : Check
{
    private static readonly HashSet<string> ReferenceGroups = new(StringComparer.Ordinal)
    {
        "external-secrets.io", "generators.external-secrets.io", "secrets-store.csi.x-k8s.io", "secrets.hashicorp.com",
    };

    public TokenInValueCheck(CheckParameters parameters)
    {
    }

    public override bool AppliesToKind(string kind) => kind != OdooConfigReader.Kind;

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        var walk = new Walk(resource, sink, Owned(resource), !ReferenceGroups.Contains(resource.Identity.Group));
        walk.Mapping(resource.Root);
    }

    /// <summary>Nodes whose values another secrets rule judges, or that hold ciphertext; compared by reference.</summary>
    private static List<YamlNode> Owned(Resource resource)
    {
        var owned = new List<YamlNode>(4);
        var root = resource.Root;
        void Add(YamlNode? node)
        {
            if (node is not null)
            {
                owned.Add(node);
            }
        }

        Add(root.Get("sops"));
        Add(root.Get("status"));
        Add(root.GetMapping("metadata")?.Get("managedFields"));
        switch (resource.Identity.Kind)
        {
            case "Secret":
                Add(root.Get("data"));
                Add(root.Get("stringData"));
                break;
            case "ConfigMap":
                Add(root.Get("data"));
                Add(root.Get("binaryData"));
                break;
            case "SealedSecret":
                Add(root.GetMapping("spec")?.Get("encryptedData"));
                break;
        }

        if (resource.PodSpec is { } podSpec)
        {
            foreach (var list in PodSpecView.ContainerLists)
            {
                foreach (var container in podSpec.ContainersIn(list))
                {
                    Add(container.Node.Get("env"));
                }
            }
        }

        return owned;
    }

    /// <summary>
    /// One resource's walk. The path is kept as a stack of segments and turned into text only when something is
    /// reported, so walking a clean resource allocates next to nothing.
    /// </summary>
    private sealed class Walk
    {
        private readonly Resource resource;
        private readonly ViolationSink sink;
        private readonly List<YamlNode> owned;
        private readonly bool judgeFieldNames;
        private readonly List<Segment> path = new(16);

        /// <summary>How many enclosing nodes make the current value prose (a description, a CRD schema, a sentence in an annotation).</summary>
        private int proseDepth;

        public Walk(Resource resource, ViolationSink sink, List<YamlNode> owned, bool judgeFieldNames)
        {
            this.resource = resource;
            this.sink = sink;
            this.owned = owned;
            this.judgeFieldNames = judgeFieldNames;
        }

        public void Mapping(MappingNode mapping)
        {
            for (var i = 0; i < mapping.Entries.Count; i++)
            {
                var entry = mapping.Entries[i];
                var child = entry.Value;
                if (child is ScalarNode { IsNull: true } || IsOwned(child))
                {
                    continue;
                }

                var key = entry.Key.Value;
                path.Add(new Segment(key, -1, null));
                var prose = IsProse(key, child);
                if (prose)
                {
                    proseDepth++;
                }

                switch (child)
                {
                    case ScalarNode scalar:
                        // A name/value pair outside a pod spec (a custom resource's env list, Helm parameters, Keycloak's
                        // {type: password, value: …} credentials): the pair's name judges its value.
                        var name = key == "value" && PairName(mapping) is { } pairName ? pairName : key;
                        Scalar(scalar, judgeFieldNames ? name : null);
                        break;
                    case MappingNode nested:
                        Mapping(nested);
                        break;
                    case SequenceNode sequence:
                        Sequence(sequence);
                        break;
                }

                if (prose)
                {
                    proseDepth--;
                }

                path.RemoveAt(path.Count - 1);
            }
        }

        private void Sequence(SequenceNode sequence)
        {
            string? flag = null;
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var item = sequence.Items[i];
                switch (item)
                {
                    case ScalarNode scalar when !scalar.IsNull:
                        path.Add(new Segment(null, i, null));

                        // args: ["--db_password", "odoo"]: the flag names the next item.
                        Scalar(scalar, flag is not null && !scalar.Value.StartsWith("-", StringComparison.Ordinal) ? flag : null);
                        path.RemoveAt(path.Count - 1);
                        flag = CredentialFlag(scalar.Value);
                        break;
                    case MappingNode mapping:
                        path.Add(new Segment(null, i, mapping.GetString("name")));
                        Mapping(mapping);
                        path.RemoveAt(path.Count - 1);
                        flag = null;
                        break;
                    case SequenceNode nested:
                        path.Add(new Segment(null, i, null));
                        Sequence(nested);
                        path.RemoveAt(path.Count - 1);
                        flag = null;
                        break;
                }
            }
        }

        private void Scalar(ScalarNode scalar, string? name)
        {
            var value = scalar.Value;
            if (value.Length < 3 || PlaceholderText.IsSopsCiphertext(value))
            {
                return;
            }

            if (proseDepth > 0)
            {
                // Prose explains settings ("set automountServiceAccountToken=false"): only a recognised token format
                // is a secret there, never a field name or an assignment-shaped word.
                ProseScalar(scalar, value);
                return;
            }

            if (value.IndexOf('\n') >= 0)
            {
                foreach (var embedded in EmbeddedTextScanner.Scan(value, judgeFieldNames))
                {
                    Report(scalar, embedded.Offset, embedded.Value, embedded.Secret, embedded.Secret.Name);
                }

                return;
            }

            var judged = SecretJudge.Judge(name, value);
            if (!judged.IsFound && (value.IndexOf('=') > 0 || value.IndexOf(':') > 0) && CredentialStems.OccurIn(value))
            {
                // kustomize literals (password=odoo), a flag with its value (--db_password=odoo), "key: value" text.
                var found = new List<JudgedSecret>(1);
                AssignmentScanner.Scan(value, found);
                if (found.Count > 0)
                {
                    judged = found[0];
                }
            }

            if (judged.IsFound)
            {
                Report(scalar, judged.Index, judged.SecretIn(value), judged, name is null ? judged.Name : null);
            }
        }

        private void ProseScalar(ScalarNode scalar, string value)
        {
            foreach (var token in EmbeddedTextScanner.Scan(value, judgeNames: false))
            {
                Report(scalar, token.Offset, token.Value, token.Secret, setting: null);
            }
        }

        /// <summary>
        /// Free text meant for people: <c>description</c> fields, everything inside a CRD's <c>openAPIV3Schema</c>, and
        /// annotation values (of the resource or a pod template) written as sentences, with spaces, which machine-read
        /// annotations (checksums, revisions, compact JSON) are not.
        /// </summary>
        private bool IsProse(string key, YamlNode value)
        {
            if (proseDepth > 0)
            {
                return false;
            }

            if (key == "openAPIV3Schema" || (key == "description" && value is ScalarNode))
            {
                return true;
            }

            return value is ScalarNode annotation
                && path.Count >= 3 && path[path.Count - 3].Key == "metadata" && path[path.Count - 2].Key == "annotations"
                && annotation.Value.IndexOf(' ') >= 0;
        }

        private void Report(ScalarNode scalar, int index, string secret, JudgedSecret judged, string? setting)
        {
            var fieldPath = CurrentPath();
            if (setting is not null)
            {
                fieldPath = FieldPath.AppendSetting(fieldPath, setting);
            }

            SecretReport.Report(
                sink,
                ValueLocation.Of(resource, scalar, index, secret.Length),
                fieldPath,
                judged,
                secret,
                ViolationSink.Argument("field", fieldPath));
        }

        private static string? PairName(MappingNode mapping) =>
            mapping.GetString("name") ?? mapping.GetString("type") ?? mapping.GetString("key");

        private bool IsOwned(YamlNode node)
        {
            foreach (var candidate in owned)
            {
                if (ReferenceEquals(candidate, node))
                {
                    return true;
                }
            }

            return false;
        }

        private string CurrentPath()
        {
            var text = string.Empty;
            foreach (var segment in path)
            {
                text = segment.Key is not null
                    ? FieldPath.Append(text, segment.Key)
                    : segment.Name is not null
                        ? text + "[name=" + segment.Name + "]"
                        : text + "[" + segment.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            }

            return text;
        }

        /// <summary>A command-line flag that takes a credential as its next argument: <c>--db_password</c>, <c>--requirepass</c>.</summary>
        private static string? CredentialFlag(string item)
        {
            if (!item.StartsWith("--", StringComparison.Ordinal) || item.IndexOf('=') >= 0 || item.IndexOf(' ') >= 0)
            {
                return null;
            }

            var name = CredentialName.Classify(item.Substring(2));
            return name.IsCredential && !name.IsAmbiguous ? item.Substring(2) : null;
        }

        /// <summary>A mapping key, or a sequence index (with the item's name when it has one).</summary>
        private readonly struct Segment
        {
            public Segment(string? key, int index, string? name)
            {
                Key = key;
                Index = index;
                Name = name;
            }

            public string? Key { get; }

            public int Index { get; }

            public string? Name { get; }
        }
    }
}
