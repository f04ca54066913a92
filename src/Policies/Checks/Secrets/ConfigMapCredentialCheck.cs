using PolicyKit.Policies.Model;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// Credentials in a ConfigMap's <c>data</c>, which Kubernetes stores and shows in plaintext to anyone who may read
/// ConfigMaps: a credential-named key (<c>DB_PASSWORD: odoo</c>, loaded with <c>envFrom</c>), a credential-named setting
/// inside an embedded file (<c>.env</c>, properties, YAML, JSON, shell), and recognised token formats anywhere. Embedded
/// Odoo configurations (an <c>[options]</c> section) are left to the Odoo configuration rules.
/// </summary>
public sealed class ConfigMapCredentialCheck : Check
{
    public ConfigMapCredentialCheck(CheckParameters parameters)
    {
    }

    public override bool AppliesToKind(string kind) => kind == "ConfigMap";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (resource.Root.GetMapping("data") is not { } data)
        {
            return;
        }

        foreach (var entry in data.Entries)
        {
            if (entry.Value is not ScalarNode { IsNull: false } scalar)
            {
                continue;
            }

            var key = entry.Key.Value;
            var text = scalar.Value;
            var path = FieldPath.Append("data", key);
            if (text.IndexOf('\n') < 0)
            {
                var judged = SecretJudge.Judge(key, text);
                if (judged.IsFound)
                {
                    Report(sink, ValueLocation.Of(resource, scalar, judged.Index, judged.Length), path, key, judged, judged.SecretIn(text));
                }

                continue;
            }

            if (OdooConfigText.HasOptionsSection(text))
            {
                continue;
            }

            foreach (var embedded in EmbeddedTextScanner.Scan(text))
            {
                var name = embedded.Secret.Name;
                Report(
                    sink,
                    ValueLocation.Of(resource, scalar, embedded.Offset, embedded.Value.Length),
                    name is null ? path : FieldPath.Append(path, name),
                    name is null ? key : name + " in " + key,
                    embedded.Secret,
                    embedded.Value);
            }
        }
    }

    private static void Report(ViolationSink sink, YamlNode at, string path, string key, JudgedSecret judged, string secret) =>
        SecretReport.Report(sink, at, path, judged, secret, ViolationSink.Argument("key", key));
}
