using PolicyKit.Policies.Loading;
using PolicyKit.Policies.Model;
using PolicyKit.Policies.Secrets;
using PolicyKit.Policies.Yaml;

namespace PolicyKit.Policies.Checks.Secrets;

/// <summary>
/// Credentials written into an Odoo configuration — an <c>odoo.conf</c> file, or one embedded in a ConfigMap:
/// <c>admin_passwd</c>, <c>db_password</c>, <c>smtp_password</c> and any other credential-named option, plus recognised
/// tokens in any option. Not reported: commented-out lines (<c>; admin_passwd = admin</c>), <c>False</c> and
/// <c>None</c> (unset), placeholders (<c>${POSTGRES_PASSWORD}</c>, <c>%(ENV)s</c>), and a hashed master password
/// (<c>$pbkdf2-sha512$…</c>, what Odoo itself writes). With <c>report: weak-master-password</c> the check reports only a
/// weak <c>admin_passwd</c> — dictionary-like or under 12 characters — which the other form leaves to it.
/// </summary>
public sealed class OdooConfigCredentialCheck : Check
{
    private readonly bool weakMasterPasswordOnly;

    public OdooConfigCredentialCheck(CheckParameters parameters)
    {
        weakMasterPasswordOnly = parameters.GetChoice("report", new[] { "plaintext-credentials", "weak-master-password" }, "plaintext-credentials") == "weak-master-password";
    }

    public override bool AppliesToKind(string kind) => kind is OdooConfigReader.Kind or "ConfigMap";

    public override void Evaluate(Resource resource, ViolationSink sink)
    {
        if (resource.Identity.Kind == OdooConfigReader.Kind)
        {
            EvaluateFile(resource, sink);
            return;
        }

        if (resource.Root.GetMapping("data") is not { } data)
        {
            return;
        }

        foreach (var entry in data.Entries)
        {
            if (entry.Value is ScalarNode { IsNull: false } scalar && scalar.Value.IndexOf('\n') >= 0 && OdooConfigText.HasOptionsSection(scalar.Value))
            {
                EvaluateEmbedded(resource, entry.Key.Value, scalar, sink);
            }
        }
    }

    private void EvaluateFile(Resource resource, ViolationSink sink)
    {
        foreach (var section in resource.Root.Entries)
        {
            if (section.Value is not MappingNode options || section.Key.Value == "metadata")
            {
                continue;
            }

            foreach (var option in options.Entries)
            {
                if (option.Value is ScalarNode value)
                {
                    var path = FieldPath.Append(FieldPath.Append(string.Empty, section.Key.Value), option.Key.Value);
                    Judge(sink, resource, value, option.Key.Value, value.Value, 0, path, resource.Identity.Name ?? "odoo.conf");
                }
            }
        }
    }

    private void EvaluateEmbedded(Resource resource, string key, ScalarNode scalar, ViolationSink sink)
    {
        var lineStarts = EmbeddedTextScanner.LineStarts(scalar.Value);
        var source = $"ConfigMap \"{resource.Identity.Name ?? "(unnamed)"}\" ({key})";
        foreach (var option in OdooConfigText.Parse(scalar.Value).Options)
        {
            var offset = lineStarts[option.Line] + option.ValueColumn;
            var path = FieldPath.Append(FieldPath.Append(FieldPath.Append("data", key), option.Section), option.Key);
            Judge(sink, resource, scalar, option.Key, option.Value, offset, path, source);
        }
    }

    private void Judge(ViolationSink sink, Resource resource, ScalarNode scalar, string option, string value, int offset, string path, string source)
    {
        if (OdooConfigText.IsUnset(value))
        {
            return;
        }

        var credential = CredentialName.Classify(option);
        var judged = SecretJudge.Judge(credential.IsCredential || IsOdooCredential(option) ? option : null, value);
        if (!judged.IsFound)
        {
            return;
        }

        var secret = judged.SecretIn(value);
        var weakMaster = option == OdooConfigText.MasterPasswordOption && judged.Type is "password" or "weak-password" && WeakPasswords.IsWeakMasterPassword(secret);
        if (weakMaster != weakMasterPasswordOnly)
        {
            return;
        }

        if (weakMaster)
        {
            judged = new JudgedSecret("weak-master-password", "a weak master password", judged.Index, judged.Length, option);
        }

        var at = ValueLocation.Of(resource, scalar, offset + judged.Index, judged.Length);
        SecretReport.Report(
            sink,
            at,
            path,
            judged,
            secret,
            ViolationSink.Argument("option", option),
            ViolationSink.Argument("source", source),
            ViolationSink.Argument("weakness", WeaknessOf(secret)));
    }

    private static bool IsOdooCredential(string option)
    {
        foreach (var known in OdooConfigText.CredentialOptions)
        {
            if (known == option)
            {
                return true;
            }
        }

        return false;
    }

    private static string WeaknessOf(string password) =>
        WeakPasswords.IsDictionaryLike(password) ? "a dictionary word or common default" : password.Length < 12 ? "shorter than 12 characters" : "not weak";
}
